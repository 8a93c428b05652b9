using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using VillageBot.Features.Responsibilities;
using VillageBot.TestKit;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.Responsibilities;

/// <summary>The report tests' bot with e-mail delivery to a real SMTP server on loopback, and helpers to report with a photo.</summary>
public abstract class ResponsibilityTest : ReportTest, IAsyncLifetime
{
    protected LoopbackSmtp Smtp { get; } = new();

    /// <summary>Without Mail settings e-mail delivery is off.</summary>
    protected virtual bool WithMail => true;

    protected override IDictionary<string, string?>? Settings => WithMail ? Smtp.Settings : null;

    protected ResponsibilityStore Responsibilities => Host.Services.GetRequiredService<ResponsibilityStore>();

    protected DeliveryStore Deliveries => Host.Services.GetRequiredService<DeliveryStore>();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Marks every shipped entry as checked, as an admin would after comparing it with its source.</summary>
    protected void CheckAll()
    {
        foreach (var entry in Responsibilities.All())
        {
            entry.Checked = true;
            Responsibilities.Save(entry);
        }
    }

    /// <summary>/report → words → a photo → on → confirm the proposal → anonymous or not; returns the saved message.</summary>
    protected async Task<BotEvent> ReportWithPhotoAsync(FakeUser user, string text, byte[] photo, bool anonymous = false)
    {
        await StartReportAsync(user);
        user.Send(text);
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        var fileId = Api.AddFile(photo);
        Api.SendMessage(user.Id, m => m.Photo = Api.PhotoOf(fileId), user.Lang);
        await user.ExpectAsync(e => e.HasButton("rep:skip") && e.Text!.Contains("location", StringComparison.OrdinalIgnoreCase));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        return await ConfirmAndSaveAsync(user, anonymous);
    }

    /// <summary>Waits for the report's one delivery to reach a state (a retry waits its back-off, so the bot looks idle meanwhile).</summary>
    protected async Task<ReportDelivery> DeliveryAsync(string reference, string state)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = Deliveries.OfReport(StoredReport(reference).Id);
            if (found.Count == 1 && found[0].State == state)
            {
                return found[0];
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Deliveries of {reference}: {string.Join(", ", found.Select(d => d.State))}");
            }

            await Task.Delay(20);
        }
    }

    protected static string TextOf(MimeMessage message) => message.TextBody ?? "";

    protected static byte[] AttachmentOf(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    protected IReadOnlyList<MimeMessage> To(string address) =>
        [.. Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address))];
}
