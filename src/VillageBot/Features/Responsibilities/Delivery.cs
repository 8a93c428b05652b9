using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>E-mail delivery is not configured: the report stays with the coordinators.</summary>
    public const string Off = "off";

    /// <summary>The body's entry has not been checked yet, so nothing goes to it.</summary>
    public const string Unchecked = "unchecked";

    /// <summary>The report was relabelled to a category another body handles before this one was sent.</summary>
    public const string Superseded = "superseded";

    public static bool IsOpen(string state) => state is Pending or Retrying;
}

/// <summary>
/// A report on its way to one body. Its id is "report:body", so a report reaches a body once, however often it is
/// confirmed, reviewed or relabelled. Holds no personal data: the message is built from the report when sent.
/// </summary>
[StoredIn(DeliveryStore.CollectionName)]
public sealed class ReportDelivery
{
    public string Id { get; set; } = "";

    public int ReportId { get; set; }

    public int VillageId { get; set; }

    public string Reference { get; set; } = "";

    public int EntryId { get; set; }

    public string BodyName { get; set; } = "";

    public string Channel { get; set; } = "";

    public string State { get; set; } = DeliveryStates.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public static string IdOf(int reportId, ResponsibleBody body) => reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + body.Key;
}

/// <summary>The "report_deliveries" collection.</summary>
public sealed class DeliveryStore(IDocumentStore db)
{
    public const string CollectionName = "report_deliveries";

    private readonly object _gate = new();

    public IDocumentCollection<ReportDelivery> Deliveries => db.Collection<ReportDelivery>(CollectionName, i => i.On(d => d.ReportId));

    public ReportDelivery? Find(string id) => Deliveries.FindById(id);

    public IReadOnlyList<ReportDelivery> OfReport(int reportId) => [.. Deliveries.Find(d => d.ReportId == reportId).OrderBy(d => d.CreatedAt)];

    /// <summary>Changes one delivery under a lock, so a relabel and a running job never overwrite each other.</summary>
    public T Atomically<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    public void Save(ReportDelivery delivery) => Deliveries.Upsert(delivery);

    public void EnsureIndexes() => _ = Deliveries;
}
