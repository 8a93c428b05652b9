using VillageBot.Conversation;
using VillageBot.Tests.AdminWeb;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.PublicPage;

/// <summary>A coordinator makes a report's text public, or private again, from its card in the chat.</summary>
public sealed class PublicTextInChatTests : ReportTest
{
    [Fact]
    public async Task While_the_page_is_on_the_card_offers_to_make_the_text_public_and_back_and_a_stranger_cannot()
    {
        var coordinator = await CoordinatorAsync("kalsnava", "en");
        var reporter = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(reporter, "The bridge railing over the river is broken");
        var id = StoredReport(reference).Id;

        coordinator.Send("/reports");
        var card = await coordinator.ExpectAsync(e => e.Text?.Contains(reference, StringComparison.Ordinal) == true && e.AllButtons.Any());
        Assert.False(card.HasButton($"rpb:{id}:on"), "no public button while the village's page is off");

        var village = Host.Db.Village("kalsnava");
        village.PublicPage = true;
        Host.Db.Villages.Update(village);
        coordinator.Send("/reports");
        card = await coordinator.ExpectAsync(e => e.Text?.Contains(reference, StringComparison.Ordinal) == true && e.HasButton($"rpb:{id}:on"));
        var visitor = Host.HtmlClient();
        Assert.DoesNotContain("bridge railing", await visitor.GetStringAsync("/v/kalsnava?lang=en"));

        var stranger = await CoordinatorAsync("ergli", "en");
        stranger.ClickData(card.MessageId, $"rpb:{id}:on");
        Assert.True((await stranger.ExpectAsync(e => e.Method == "answerCallbackQuery")).Alert);
        Assert.False(StoredReport(reference).Public);

        coordinator.ClickData(card.MessageId, $"rpb:{id}:on");
        var edited = await coordinator.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == card.MessageId);
        Assert.Contains("The text shows on the village's public page", edited.Text);
        Assert.True(edited.HasButton($"rpb:{id}:off"));
        Assert.True(StoredReport(reference).Public);
        Assert.Contains("The bridge railing over the river is broken", await visitor.GetStringAsync("/v/kalsnava?lang=en"));

        coordinator.ClickData(card.MessageId, $"rpb:{id}:off");
        edited = await coordinator.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == card.MessageId && e.HasButton($"rpb:{id}:on"));
        Assert.DoesNotContain("public page", edited.Text);
        Assert.False(StoredReport(reference).Public);
        Assert.DoesNotContain("bridge railing", await visitor.GetStringAsync("/v/kalsnava?lang=en"));
    }
}
