namespace VillageBot.Features.Responsibilities;

/// <summary>The fields of the edit form.</summary>
public sealed class ResponsibilityForm
{
    public int Id { get; set; }

    public string? Scope { get; set; }

    public string? Category { get; set; }

    public string? Topic { get; set; }

    public string? Name { get; set; }

    public string? Channel { get; set; }

    public string? Lang { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Web { get; set; }

    public string? Open311Endpoint { get; set; }

    public string? Open311Service { get; set; }

    public string? Open311KeyVariable { get; set; }

    public string? Source { get; set; }

    public string? Checked { get; set; }
}
