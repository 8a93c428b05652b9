namespace VillageBot.Infrastructure.Privacy;

/// <summary>
/// Each feature that stores something about a person implements this, so /mydata can export everything held
/// about them and /forget can erase it. Register with <c>services.AddSingleton&lt;IPersonalData, T&gt;()</c>.
/// </summary>
public interface IPersonalData
{
    /// <summary>Section name in the export, e.g. "reports".</summary>
    string Section { get; }

    /// <summary>
    /// The collections whose documents about a person this covers; a test fails when a collection holds a
    /// person's id and no implementation names it.
    /// </summary>
    IReadOnlyList<string> Collections { get; }

    /// <summary>Everything this feature holds about the person, as plain serialisable objects.</summary>
    object? Export(long userId);

    /// <summary>Erases the person's data; records that must stay (reports) are kept without the person.</summary>
    void Erase(long userId);
}
