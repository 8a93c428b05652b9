using VillageBot.Features.Reports;
using VillageBot.TestKit;

namespace VillageBot.Tests.Reports;

public sealed class ReportTriageTests : ReportTest
{
    [Fact]
    public async Task Coordinator_changes_the_status_and_the_reporter_is_told_in_their_language()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("ru", "kalsnava");
        var reference = await ReportAsync(reporter, "Большая яма на дороге у школы");

        var alert = await coordinator.ExpectTextAsync("A new report in your village");
        Assert.Contains(reference, alert.Text);
        Assert.Contains("Roads and transport", alert.Text);

        coordinator.Send("/reports");
        await coordinator.ExpectTextAsync("Reports: 1");
        var card = await coordinator.ExpectAsync(e => e.Text?.Contains(reference, StringComparison.Ordinal) == true && e.AllButtons.Any());
        Assert.Contains("Большая яма", card.Text);
        var id = StoredReport(reference).Id;
        Assert.True(card.HasButton($"rst:{id}:acknowledged") && card.HasButton($"rst:{id}:in_progress") && card.HasButton($"rst:{id}:resolved") && card.HasButton($"rst:{id}:rejected"));

        coordinator.ClickData(card.MessageId, $"rst:{id}:in_progress");
        await coordinator.ExpectTextAsync("Write a note for the reporter");
        coordinator.Send("A road crew comes on Monday.");
        await coordinator.ExpectTextAsync($"{reference} is now: in progress");

        var refreshed = await coordinator.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == card.MessageId);
        Assert.Contains("in progress", refreshed.Text);
        Assert.Contains("A road crew comes on Monday.", refreshed.Text);
        Assert.Equal([$"rst:{id}:resolved", $"rst:{id}:rejected"], refreshed.AllButtons.Select(b => b.Data));

        var told = await reporter.ExpectTextAsync("Статус вашего сообщения");
        Assert.Contains(reference, told.Text);
        Assert.Contains("Дороги и транспорт", told.Text);
        Assert.Contains("в работе", told.Text);
        Assert.Contains("Примечание: A road crew comes on Monday.", told.Text);

        var report = StoredReport(reference);
        Assert.Equal(ReportStatus.InProgress, report.Status);
        var change = Assert.Single(report.History);
        Assert.Equal((ReportStatus.New, ReportStatus.InProgress, coordinator.Id, "A road crew comes on Monday."), (change.From, change.To, change.ById, change.Note));

        reporter.Send("/myreports");
        await reporter.ExpectTextAsync("Статус: в работе");
    }

    [Fact]
    public async Task Every_change_reaches_the_reporter_and_supporters_and_closed_reports_leave_the_open_list()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("lv", "kalsnava");
        var reference = await ReportAsync(reporter, "Pie skolas visu nakti nedeg laternas");
        var supporter = await MemberAsync("en", "kalsnava");
        var id = StoredReport(reference).Id;
        Store.Support(id, supporter.Id, DateTime.UtcNow, out _);

        foreach (var (status, lv) in new[] { (ReportStatus.Acknowledged, "pieņemts zināšanai"), (ReportStatus.Resolved, "atrisināts") })
        {
            coordinator.ClickData(1, $"rst:{id}:{status}");
            await coordinator.ExpectAsync(e => e.HasButton("rsn:skip"));
            coordinator.Click("rsn:skip");
            await coordinator.ExpectTextAsync($"{reference} is now");
            var told = await reporter.ExpectTextAsync("statuss tagad");
            Assert.Contains(lv, told.Text);
            await supporter.ExpectTextAsync("The report you supported with +1");
        }

        Assert.Equal(2, StoredReport(reference).History.Count);
        coordinator.Send("/reports");
        await coordinator.ExpectTextAsync("No reports match");
        coordinator.Send("/reports resolved");
        await coordinator.ExpectAsync(e => e.Text?.Contains(reference, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Anonymous_report_never_shows_its_author_to_a_coordinator()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var named = await MemberAsync("en", "kalsnava");
        var anonymous = await ReportAsync(reporter, "Stray dogs chase children near the school", anonymous: true);
        var open = await ReportAsync(named, "Rubbish dumped in the forest by the lake");
        await coordinator.ExpectTextAsync(open);

        coordinator.Send("/reports");
        var card = await coordinator.ExpectAsync(e => e.Text?.Contains(anonymous, StringComparison.Ordinal) == true && e.AllButtons.Any());
        Assert.Contains("Anonymous report", card.Text);
        var namedCard = await coordinator.ExpectAsync(e => e.Text?.Contains(open, StringComparison.Ordinal) == true && e.AllButtons.Any());
        Assert.Contains($"Person{named.Id}", namedCard.Text);

        coordinator.ClickData(card.MessageId, $"rst:{StoredReport(anonymous).Id}:rejected");
        await coordinator.ExpectTextAsync("Write why the report is rejected");
        coordinator.Send("The dogs belong to a farm; the owner has been warned.");
        await coordinator.ExpectTextAsync($"{anonymous} is now: rejected");
        await reporter.ExpectTextAsync("The owner has been warned");

        var author = reporter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seen = Api.Events(coordinator.Id).Select(e => e.Text + " " + string.Join(' ', e.AllButtons.Select(b => b.Text + b.Data))).ToList();
        Assert.Contains(seen, t => t.Contains(anonymous, StringComparison.Ordinal));
        Assert.DoesNotContain(seen, t => t.Contains(author, StringComparison.Ordinal) || t.Contains($"Person{reporter.Id}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Resident_is_refused_reports_and_status_buttons_and_nothing_changes()
    {
        var reporter = await MemberAsync("lv");
        var reference = await ReportAsync(reporter, "Bedre uz ceļa pie skolas");
        var resident = await MemberAsync("lv");
        resident.Send("/reports");
        await resident.ExpectTextAsync("tikai ciema koordinators vai administrators");
        resident.ClickData(1, $"rst:{StoredReport(reference).Id}:resolved");
        var refused = await resident.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.True(refused.Alert);
        Assert.Equal(ReportStatus.New, StoredReport(reference).Status);
        Assert.Null(Host.Db.Residents.FindById(resident.Id)!.Dialog);
        await reporter.ExpectSilenceAsync();
    }

    [Fact]
    public async Task Coordinator_of_another_village_is_refused_even_with_a_forged_button()
    {
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Pothole on the road by the school");
        var id = StoredReport(reference).Id;
        var stranger = await CoordinatorAsync("rucava", "en");

        stranger.Send("/reports");
        await stranger.ExpectTextAsync("No reports match");
        stranger.Send("/reports village=kalsnava");
        await stranger.ExpectTextAsync("belongs to another village");

        stranger.ClickData(1, $"rst:{id}:resolved");
        var refused = await stranger.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Contains("another village", refused.Text);
        Assert.Null(Host.Db.Residents.FindById(stranger.Id)!.Dialog);

        var report = StoredReport(reference);
        Assert.Equal(ReportStatus.New, report.Status);
        Assert.Empty(report.History);
        await reporter.ExpectSilenceAsync();
    }

    [Fact]
    public async Task Moves_the_lifecycle_does_not_allow_are_refused()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Pothole on the road by the school");
        var id = StoredReport(reference).Id;
        Assert.True(Store.ChangeStatus(id, ReportStatus.New, ReportStatus.Resolved, null, coordinator.Id, DateTime.UtcNow) is not null);

        foreach (var forged in new[] { $"rst:{id}:new", $"rst:{id}:in_progress", $"rst:{id}:open", $"rst:{id + 100}:resolved", "rst:x:resolved" })
        {
            coordinator.ClickData(1, forged);
            var answer = await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery");
            Assert.False(string.IsNullOrEmpty(answer.Text), forged);
        }

        Assert.Equal(ReportStatus.Resolved, StoredReport(reference).Status);
        Assert.Single(StoredReport(reference).History);
        Assert.Null(Host.Db.Residents.FindById(coordinator.Id)!.Dialog);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_cancel_changes_nothing()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "lv");
        var reporter = await MemberAsync("lv", "kalsnava");
        var reference = await ReportAsync(reporter, "Bedre uz ceļa pie skolas");
        var id = StoredReport(reference).Id;

        coordinator.ClickData(1, $"rst:{id}:rejected");
        var ask = await coordinator.ExpectTextAsync("kāpēc ziņojums tiek noraidīts");
        Assert.False(ask.HasButton("rsn:skip"));
        coordinator.ClickData(ask.MessageId, "rsn:skip");
        await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Contains("vairs nav derīga"));
        SendSticker(coordinator);
        await coordinator.ExpectTextAsync("uzrakstiet piezīmi tekstā");
        coordinator.Click("rsn:cancel");
        await coordinator.ExpectTextAsync("Atcelts");
        Assert.Equal(ReportStatus.New, StoredReport(reference).Status);
        await reporter.ExpectSilenceAsync();
    }

    [Fact]
    public async Task Two_coordinators_changing_the_same_report_do_not_overwrite_each_other()
    {
        var first = await CoordinatorAsync("kalsnava", "en");
        var second = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "Pothole on the road by the school");
        var id = StoredReport(reference).Id;

        first.ClickData(1, $"rst:{id}:acknowledged");
        await first.ExpectAsync(e => e.HasButton("rsn:skip"));
        second.ClickData(1, $"rst:{id}:rejected");
        await second.ExpectAsync(e => e.HasButton("rsn:cancel"));
        first.Click("rsn:skip");
        await first.ExpectTextAsync("is now: acknowledged");
        second.Send("Duplicate of another report.");
        await second.ExpectTextAsync("was changed to “acknowledged” meanwhile");

        var report = StoredReport(reference);
        Assert.Equal(ReportStatus.Acknowledged, report.Status);
        Assert.Single(report.History);
    }

    [Fact]
    public async Task Filters_by_status_and_category_and_admins_see_every_village()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var road = await ReportAsync(reporter, "Pothole on the road by the school");
        var rubbish = await ReportAsync(reporter, "Rubbish dumped in the forest by the lake");
        var far = await ReportAsync(await MemberAsync("en", "rucava"), "No internet at the library");

        coordinator.Send("/reports environment");
        await coordinator.ExpectTextAsync("Reports: 1");
        await coordinator.ExpectTextAsync(rubbish);
        coordinator.Send("/reports Vide jauns");
        await coordinator.ExpectTextAsync("Reports: 1");
        await coordinator.ExpectTextAsync(rubbish);
        coordinator.Send("/reports решено");
        await coordinator.ExpectTextAsync("No reports match");
        coordinator.Send("/reports weather");
        await coordinator.ExpectTextAsync("did not understand the filter “weather”");

        var admin = Admin();
        admin.Send("/reports");
        await admin.ExpectTextAsync("Reports: 3");
        admin.Send("/reports village=rucava");
        await admin.ExpectTextAsync("Reports: 1");
        var card = await admin.ExpectTextAsync(far);
        Assert.Contains("Rucava", card.Text);
        Assert.DoesNotContain(Api.Events(coordinator.Id), e => e.Text?.Contains(far, StringComparison.Ordinal) == true);
        Assert.NotEqual(road, rubbish);
    }

    [Fact]
    public async Task Long_lists_come_in_pages()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var village = Host.Db.Residents.FindById(coordinator.Id)!.VillageId!.Value;
        for (var i = 0; i < ReportList.PageSize + 2; i++)
        {
            Store.Add(new Report { VillageId = village, Text = $"Problem number {i}", Category = "community", CreatedAt = DateTime.UtcNow.AddMinutes(i) });
        }

        coordinator.Send("/reports");
        await coordinator.ExpectTextAsync($"Reports: {ReportList.PageSize + 2}");
        var more = await coordinator.ExpectAsync(e => e.AllButtons.Any(b => b.Data!.StartsWith("rpl:", StringComparison.Ordinal)));
        Assert.Contains($"Shown {ReportList.PageSize} of {ReportList.PageSize + 2}", more.Text);
        coordinator.Click(more.AllButtons.First().Data!);
        await coordinator.ExpectTextAsync($"Problem number {ReportList.PageSize + 1}");
        coordinator.ClickData(more.MessageId, "rpl:-5:open:-:0");
        await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery" && e.Text!.Contains("no longer valid"));
    }
}
