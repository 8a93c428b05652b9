using VillageBot.Features.Reports;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Reports;

public sealed class ReportDialogTests : ReportTest
{
    [Fact]
    public async Task Report_is_described_classified_confirmed_and_saved_with_a_reference()
    {
        var user = await MemberAsync("en");
        user.Send("/report");
        await user.ExpectTextAsync("Describe the problem");
        user.Send("Huge pothole on the road by the school");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        var proposal = await user.ExpectAsync(e => e.HasButton("rep:ok"));
        Assert.Contains("Roads and transport", proposal.Text);
        Assert.Contains("87%", proposal.Text);
        Assert.True(proposal.HasButton("rep:other"));
        user.Click("rep:ok");
        await user.ExpectAsync(e => e.Method == "editMessageText" && e.Text!.Contains("Category: Roads and transport"));
        await user.ExpectAsync(e => e.HasButton("rep:anon:1") && e.HasButton("rep:anon:0"));
        user.Click("rep:anon:0");
        var saved = await user.ExpectAsync(Saved);
        Assert.Contains("Roads and transport", saved.Text);

        var report = StoredReport(Reference(saved.Text!));
        Assert.Equal("transport", report.Category);
        Assert.Equal("transport", report.PredictedCategory);
        Assert.Equal(0.87, report.Confidence, 3);
        Assert.Equal(9, report.Scores.Count);
        Assert.False(report.NeedsReview);
        Assert.False(report.Anonymous);
        Assert.Equal(user.Id, report.ReporterId);
        Assert.Equal(ReportStatus.New, report.Status);
        Assert.Equal(Host.Db.Residents.FindById(user.Id)!.VillageId, report.VillageId);
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
    }

    [Fact]
    public async Task References_are_short_and_unique()
    {
        var user = await MemberAsync("en");
        var first = await ReportAsync(user, "Rubbish dumped in the forest near the lake");
        var second = await ReportAsync(user, "No internet in the library since Monday");
        Assert.Matches(@"^R-\d{4}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(2, Store.Reports.Count());
    }

    [Fact]
    public async Task Picking_another_category_saves_it_and_sends_the_report_to_review()
    {
        var user = await MemberAsync("lv");
        await StartReportAsync(user);
        user.Send("Ceļa malā pie veikala visu nakti nedeg laternas");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:other"));
        user.Click("rep:other");
        var picker = await user.ExpectAsync(e => e.Method == "editMessageText" && e.HasButton("rep:cat:safety"));
        Assert.Equal(Categories.All.Count, picker.AllButtons.Count(b => b.Data!.StartsWith("rep:cat:", StringComparison.Ordinal)));
        Assert.Contains(picker.AllButtons, b => b.Text == "Drošība un apgaismojums");
        var saved = await ConfirmAndSaveAsync(user, anonymous: true, confirm: "rep:cat:safety");

        var report = StoredReport(Reference(saved.Text!));
        Assert.Equal("safety", report.Category);
        Assert.Equal("transport", report.PredictedCategory);
        Assert.True(report.NeedsReview);
        Assert.True(report.Anonymous);
    }

    [Fact]
    public async Task Low_confidence_goes_to_review_even_when_confirmed()
    {
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "Nobody organises anything for the young people here");
        var report = StoredReport(reference);
        Assert.Equal(0.31, report.Confidence, 3);
        Assert.True(report.NeedsReview);
    }

    [Fact]
    public async Task Same_problem_plus_one_adds_a_supporter_instead_of_a_duplicate()
    {
        var first = await MemberAsync("ru");
        var reference = await ReportAsync(first, "Liela bedre uz ceļa pie skolas");
        Assert.Equal("lv", StoredReport(reference).Lang);

        var second = await MemberAsync("en");
        await StartReportAsync(second);
        second.Send("Liela bedre uz cela pie skolas joprojam nav aizlapita");
        // Right after the words: no photo, category or anonymity question before it.
        var similar = await second.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:skip") || e.HasButton("rep:ok"));
        Assert.True(similar.HasButton("rep:new"), "The similar report was not offered right after the description.");
        Assert.Contains(reference, similar.Text);
        Assert.Contains("Liela bedre", similar.Text);
        var id = StoredReport(reference).Id;
        second.Click($"rep:same:{id}");
        var supported = await second.ExpectTextAsync("+1");
        Assert.Contains(reference, supported.Text);
        Assert.Contains("now +1", supported.Text);

        Assert.Equal(1, Store.Reports.Count());
        Assert.Equal([second.Id], StoredReport(reference).Supporters);
        Assert.Null(Host.Db.Residents.FindById(second.Id)!.Dialog);

        first.Send("/myreports");
        var mine = await first.ExpectTextAsync(reference);
        Assert.Contains("Дороги и транспорт", mine.Text);
        Assert.Contains("👍 +1", mine.Text);
        second.Send("/myreports");
        var theirs = await second.ExpectTextAsync("Problems you supported with +1 (1)");
        Assert.Contains(reference, theirs.Text);
    }

    [Fact]
    public async Task A_problem_typed_as_free_text_meets_a_similar_report_of_another_category_before_the_photo_step_and_plus_one_ends_it()
    {
        // Relabelled by a coordinator: the classifier proposes "safety" for the new text, the stored one is "community".
        var existing = Host.Db.AddReport("kalsnava", "community", "The street lamps on Birch Lane are off", reporter: BotHost.AdminId);
        var user = await MemberAsync("en");
        user.Send("The street lamps on Birch Lane have been off for five evenings");
        var offer = await user.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:skip") || e.HasButton("rep:ok"));
        Assert.True(offer.HasButton($"rep:same:{existing.Id}"), offer.ToString());
        Assert.True(offer.HasButton("No, mine is different"), offer.ToString());
        user.Click($"rep:same:{existing.Id}");
        Assert.Contains(existing.Reference, (await user.ExpectTextAsync("+1")).Text);
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
        Assert.Equal(1, Store.Reports.Count());
        Assert.Equal([user.Id], StoredReport(existing.Reference).Supporters);
    }

    [Fact]
    public async Task Report_with_text_offers_similar_first_and_mine_is_different_goes_on_to_the_category()
    {
        var reference = await ReportAsync(await MemberAsync("en"), "Pothole on the road to the school");
        var second = await MemberAsync("lv");
        second.Send("/report Big pothole on the road to the school again");
        var offer = await second.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:ok"));
        Assert.Contains(reference, offer.Text);
        Assert.True(offer.HasButton("Nē, manējā ir cita"), offer.ToString());
        second.Click("rep:new");
        await second.ExpectAsync(e => e.HasButton("rep:ok"));
        var saved = await ConfirmAndSaveAsync(second);
        Assert.NotEqual(reference, Reference(saved.Text!));
        Assert.Equal(2, Store.Reports.Count());
        Assert.Empty(StoredReport(reference).Supporters);
    }

    [Fact]
    public async Task Different_problem_is_saved_as_a_new_report()
    {
        var first = await MemberAsync("en");
        var reference = await ReportAsync(first, "Pothole on the road to the school");
        var second = await MemberAsync("en");
        var other = await ReportAsync(second, "Another pothole on the road near the church");
        Assert.NotEqual(reference, other);
        Assert.Equal(2, Store.Reports.Count());
        Assert.Empty(StoredReport(reference).Supporters);
    }

    [Fact]
    public async Task Similar_reports_come_only_from_the_same_village_and_open_ones()
    {
        const string Text = "Pothole on the road to the school";
        var closed = await ReportAsync(await MemberAsync("en", "kalsnava"), Text);
        Store.ChangeStatus(StoredReport(closed).Id, ReportStatus.New, ReportStatus.Resolved, null, BotHost.AdminId, DateTime.UtcNow);
        Assert.False(await OffersSimilarAsync(await MemberAsync("en", "kalsnava"), Text), "A resolved report was offered as the same problem.");
        await ReportAsync(await MemberAsync("en", "kalsnava"), Text);
        Assert.False(await OffersSimilarAsync(await MemberAsync("en", "rucava"), Text), "A report from another village was offered as the same problem.");
        Assert.True(await OffersSimilarAsync(await MemberAsync("en", "kalsnava"), Text));
    }

    private static async Task<bool> OffersSimilarAsync(FakeUser user, string text)
    {
        user.Send("/report " + text);
        return (await user.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:ok"))).HasButton("rep:new");
    }

    [Fact]
    public async Task Photo_with_caption_and_a_location_are_attached_and_the_coordinator_can_see_them()
    {
        var coordinator = await CoordinatorAsync();
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        SendPhoto(user, "Rubbish dumped behind the community house");
        var ask = await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Contains("location", ask.Text);
        Assert.Contains(ask.AllButtons, b => b.Text.Contains("Continue", StringComparison.Ordinal));
        SendLocation(user, 56.7051, 25.8634);
        await user.ExpectTextAsync("Location added");
        var proposal = await user.ExpectAsync(e => e.HasButton("rep:ok"));
        Assert.Contains("Environment", proposal.Text);
        var saved = await ConfirmAndSaveAsync(user);

        var report = StoredReport(Reference(saved.Text!));
        Assert.Equal("big-photo", report.PhotoFileId);
        Assert.Equal(56.7051, report.Latitude!.Value, 6);
        Assert.Equal(25.8634, report.Longitude!.Value, 6);
        Assert.Equal("Rubbish dumped behind the community house", report.Text);

        var card = await coordinator.ExpectTextAsync(report.Reference);
        Assert.Contains("Photo attached", card.Text);
        Assert.Contains("openstreetmap.org/?mlat=56.7051&mlon=25.8634", card.Text);
        coordinator.ClickData(card.MessageId, $"rph:{report.Id}");
        var photo = await coordinator.ExpectAsync(e => e.Method == "sendPhoto");
        Assert.Equal("big-photo", Api.MessageIn(coordinator.Id, photo.MessageId)!.Photo![0].FileId);
        Assert.Contains(report.Reference, photo.Text);

        var stranger = await CoordinatorAsync("rucava");
        stranger.ClickData(1, $"rph:{report.Id}");
        Assert.Contains("another village", (await stranger.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.DoesNotContain(Api.Events(stranger.Id), e => e.Method == "sendPhoto");
    }

    [Fact]
    public async Task Photo_without_words_is_kept_and_the_description_is_asked_for()
    {
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        SendPhoto(user);
        await user.ExpectTextAsync("Photo added");
        await user.ExpectTextAsync("describe the problem in words");
        user.Send("The bus stop roof fell down");
        var ask = await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Contains("location", ask.Text);
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        Assert.Equal("big-photo", Host.Db.Residents.FindById(user.Id)!.Dialog!.Get("photo"));
    }

    [Fact]
    public async Task Restart_in_the_middle_of_a_report_continues_where_the_person_was()
    {
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        user.Send("Pothole on the road by the bus stop");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));

        Host = await Host.RestartAsync();

        SendPhoto(user, fileId: "after-restart");
        await user.ExpectTextAsync("Photo added");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));

        Host = await Host.RestartAsync();

        var saved = await ConfirmAndSaveAsync(user);
        var report = StoredReport(Reference(saved.Text!));
        Assert.Equal("Pothole on the road by the bus stop", report.Text);
        Assert.Equal("after-restart", report.PhotoFileId);
    }

    [Fact]
    public async Task Stickers_voice_and_too_short_text_get_a_clear_prompt_and_change_nothing()
    {
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        SendSticker(user);
        await user.ExpectTextAsync("cannot read stickers");
        SendVoice(user);
        await user.ExpectTextAsync("cannot read stickers");
        user.Send("ok");
        await user.ExpectTextAsync("a little more detail");
        var dialog = Host.Db.Residents.FindById(user.Id)!.Dialog!;
        Assert.Equal(ReportFlow.StepDescribe, dialog.Step);
        Assert.False(dialog.Data.ContainsKey("text"));
        Assert.Equal(0, Store.Reports.Count());
    }

    [Fact]
    public async Task A_very_long_description_is_cut_and_the_person_is_told()
    {
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        user.Send(string.Concat(Enumerable.Repeat("The road to the farm is full of potholes. ", 150)));
        await user.ExpectTextAsync("very long");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        var saved = await ConfirmAndSaveAsync(user);
        Assert.Equal(2000, StoredReport(Reference(saved.Text!)).Text.Length);
    }

    [Fact]
    public async Task Typing_instead_of_pressing_a_button_repeats_the_question()
    {
        var user = await MemberAsync("en");
        user.Send("/report Pothole on the road by the school");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        user.Send("yes");
        await user.ExpectTextAsync("choose with the buttons");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        Assert.Equal(ReportFlow.StepCategory, Host.Db.Residents.FindById(user.Id)!.Dialog!.Step);
    }

    [Fact]
    public async Task Free_text_that_reads_as_a_problem_starts_the_report_at_the_photo_step()
    {
        var user = await MemberAsync("lv");
        user.Send("Pie mums atkal nav elektrības jau trešo dienu");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        var proposal = await user.ExpectAsync(e => e.HasButton("rep:ok"));
        Assert.Contains("Enerģija un apkure", proposal.Text);
        var saved = await ConfirmAndSaveAsync(user);
        Assert.Contains("Paldies", saved.Text);
        Assert.Equal("Pie mums atkal nav elektrības jau trešo dienu", StoredReport(Reference(saved.Text!)).Text);
    }

    [Fact]
    public async Task Stale_and_forged_report_buttons_change_nothing()
    {
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "Pothole on the road by the school");
        user.Click("rep:ok");
        var stale = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Contains("no longer valid", stale.Text);

        var other = await MemberAsync("en");
        other.Send("/report The power is out on the school street");
        await other.ExpectAsync(e => e.HasButton("rep:ok"));
        other.ClickData(1, "rep:same:" + StoredReport(reference).Id);
        Assert.Contains("no longer valid", (await other.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        other.ClickData(1, "rep:cat:weather");
        Assert.Contains("no longer valid", (await other.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Empty(StoredReport(reference).Supporters);
        Assert.Equal(ReportFlow.StepCategory, Host.Db.Residents.FindById(other.Id)!.Dialog!.Step);
    }

    [Fact]
    public async Task My_reports_lists_reference_category_localised_status_and_support()
    {
        var user = await MemberAsync("ru");
        user.Send("/myreports");
        await user.ExpectTextAsync("пока нет сообщений");
        var reference = await ReportAsync(user, "Большая яма на дороге у школы");
        user.Send("/myreports");
        var list = await user.ExpectTextAsync(reference);
        Assert.Contains("Дороги и транспорт", list.Text);
        Assert.Contains("Статус: новое", list.Text);
        Assert.Contains("👍 +0", list.Text);
        Assert.DoesNotContain("анонимно", list.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task My_reports_marks_the_reports_sent_anonymously()
    {
        var user = await MemberAsync("lv");
        var named = await ReportAsync(user, "Liela bedre uz ceļa pie skolas");
        var anonymous = await ReportAsync(user, "Pie pasta nedeg laternas", anonymous: true);
        user.Send("/myreports");
        var list = (await user.ExpectTextAsync(anonymous)).Text!;
        var items = list.Split("\n\n");
        Assert.Contains("Nosūtīts anonīmi", items.Single(i => i.StartsWith(anonymous, StringComparison.Ordinal)));
        Assert.DoesNotContain("anonīmi", items.Single(i => i.StartsWith(named, StringComparison.Ordinal)));
    }
}
