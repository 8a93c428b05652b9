using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Features.Responsibilities;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Responsibilities;

public sealed class DeliveryTests : ResponsibilityTest
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 0xD9];

    [Fact]
    public async Task The_responsible_body_gets_exactly_one_email_per_report_with_the_photo_attached()
    {
        CheckAll();
        var user = await MemberAsync("en");
        var saved = await ReportWithPhotoAsync(user, "Rubbish dumped in the forest behind the school", Photo);
        Assert.Contains("It also goes to whoever is responsible: Kalsnavas pagasta pārvalde", saved.Text);
        var reference = Reference(saved.Text!);

        await Smtp.WaitAsync(s => s.Received.Count == 1);
        var mail = Assert.Single(To("kalsnava@madona.lv"));
        Assert.Equal(Photo, AttachmentOf(mail));
        Assert.Contains(reference, mail.Subject);
        var text = TextOf(mail);
        Assert.Contains("Rubbish dumped in the forest behind the school", text);
        Assert.Contains($"Atsauce: {reference}", text);
        Assert.Contains("Ciems: Kalsnava (Madonas novads)", text);
        Assert.Contains("Vide", text);
        Assert.Contains($"Ziņotājs: Person{user.Id}", text);

        // A "+1", a review by the admin and a restart of the job change nothing about what was sent.
        var neighbour = await MemberAsync("en");
        Assert.True(Store.Support(StoredReport(reference).Id, neighbour.Id, DateTime.UtcNow, out _));
        var admin = Admin();
        var web = await Host.SignInAsync(admin);
        var id = StoredReport(reference).Id;
        var reviewed = await web.SubmitAsync($"/web/reports/{id}", new() { ["category"] = "environment" }, action: $"/web/reports/{id}/category");
        Assert.Equal($"/web/reports/{id}?done=reviewed", reviewed.Headers.Location?.OriginalString);
        var delivery = Assert.Single(Deliveries.OfReport(StoredReport(reference).Id));
        Host.Services.GetRequiredService<IJobScheduler>().Enqueue<DeliveryJob>(delivery.Id);
        await Host.IdleAsync();
        Assert.Single(Smtp.Received);
        Assert.Equal(DeliveryStates.Sent, Deliveries.Find(delivery.Id)!.State);

        var page = await web.GetStringAsync($"/web/reports/{id}");
        Assert.Contains("sent to Kalsnavas pagasta pārvalde at ", page);
    }

    [Fact]
    public async Task A_refusing_mail_server_is_retried_and_the_failure_shown_while_the_report_stays()
    {
        CheckAll();
        Smtp.Refuse = true;
        var coordinator = await CoordinatorAsync();
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "Huge pothole on the road by the school");
        await coordinator.ExpectTextAsync(reference);

        await Smtp.WaitAsync(s => s.Refused >= 3);
        await Host.IdleAsync();
        Assert.Equal(3, Smtp.Refused);
        Assert.Empty(Smtp.Received);
        var report = StoredReport(reference);
        var delivery = Assert.Single(Deliveries.OfReport(report.Id));
        Assert.Equal(DeliveryStates.Failed, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Contains("554", delivery.LastError);

        var web = await Host.SignInAsync(Admin());
        var page = await web.GetStringAsync($"/web/reports/{report.Id}");
        Assert.Contains("sending to Madonas novada pašvaldība failed 3 times: 554", page);
        var pulse = await web.GetStringAsync("/web/pulse");
        Assert.Contains("Reports sent to those responsible", pulse);
        Assert.Contains("failed 3 times", pulse);
        Assert.Equal(Features.Reports.ReportStatus.New, StoredReport(reference).Status);
    }

    [Fact]
    public async Task An_anonymous_reports_email_carries_no_personal_data()
    {
        CheckAll();
        var user = await MemberAsync("en");
        var saved = await ReportWithPhotoAsync(user, "Rubbish dumped in the forest behind the school", Photo, anonymous: true);
        await Smtp.WaitAsync(s => s.Received.Count == 1);
        var mail = Smtp.Received[0];
        using var raw = new MemoryStream();
        await mail.WriteToAsync(raw);
        var all = System.Text.Encoding.UTF8.GetString(raw.ToArray());
        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        Assert.DoesNotContain(id, all);
        Assert.DoesNotContain("Person", all);
        Assert.DoesNotContain("person", all);
        Assert.Contains("anonīms (vārds un kontakti netiek nodoti)", TextOf(mail));
        Assert.Contains(Reference(saved.Text!), TextOf(mail));
    }

    [Fact]
    public async Task A_relabel_sends_the_report_to_the_new_body_once_and_an_uncertain_report_waits_for_review()
    {
        CheckAll();
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "Nobody organises anything for the young people here");
        var report = StoredReport(reference);
        Assert.True(report.NeedsReview);
        await Host.IdleAsync();
        Assert.Empty(Deliveries.OfReport(report.Id));

        var admin = Admin();
        admin.Send("/review");
        var card = await admin.ExpectAsync(e => e.HasButton($"rvw:{report.Id}:transport"));
        admin.ClickData(card.MessageId, $"rvw:{report.Id}:transport");
        await admin.ExpectTextAsync("It also goes to whoever is responsible: Madonas novada pašvaldība");
        await Smtp.WaitAsync(s => s.Received.Count == 1);
        Assert.Single(To("pasts@madona.lv"));

        admin.ClickData(card.MessageId, $"rvw:{report.Id}:environment");
        await admin.ExpectTextAsync("Kalsnavas pagasta pārvalde");
        await Smtp.WaitAsync(s => s.Received.Count == 2);
        Assert.Single(To("kalsnava@madona.lv"));

        // Back to a body that already has it: nothing is sent again.
        admin.ClickData(card.MessageId, $"rvw:{report.Id}:transport");
        await admin.ExpectTextAsync(reference);
        await Host.IdleAsync();
        Assert.Equal(2, Smtp.Received.Count);
        Assert.Single(To("pasts@madona.lv"));
    }

    [Fact]
    public async Task An_unchecked_entry_sends_nothing_and_says_so()
    {
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "Huge pothole on the road by the school");
        await Host.IdleAsync();
        Assert.Empty(Smtp.Received);
        var delivery = Assert.Single(Deliveries.OfReport(StoredReport(reference).Id));
        Assert.Equal(DeliveryStates.Unchecked, delivery.State);
    }
}
