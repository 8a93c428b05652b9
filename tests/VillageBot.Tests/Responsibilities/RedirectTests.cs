using Microsoft.Extensions.DependencyInjection;

namespace VillageBot.Tests.Responsibilities;

public sealed class RedirectTests : ResponsibilityTest
{
    [Theory]
    [InlineData("lv", "Nav elektrības visā ielā kopš rīta", "Elektrības pārtraukums: to nenovērš ciems, bet AS \"Sadales tīkls\" — zvaniet 8404 · https://sadalestikls.lv", "Pierakstīju to arī ciemam Kalsnava")]
    [InlineData("en", "Power cut in our whole street since the morning", "Power cut: the village cannot fix this; AS \"Sadales tīkls\" does — call 8404 · https://sadalestikls.lv", "I have also noted it for Kalsnava")]
    [InlineData("ru", "Нет света на всей улице, электричество пропало с утра", "Отключение электричества: это устраняет не деревня, а AS \"Sadales tīkls\" — звоните 8404 · https://sadalestikls.lv", "Я также записал это для деревни Kalsnava")]
    public async Task A_power_cut_is_redirected_to_the_grid_operator_at_once_and_still_noted_for_the_village(string lang, string text, string redirect, string noted)
    {
        CheckAll();
        var user = await MemberAsync(lang);
        await StartReportAsync(user);
        user.Send(text);
        await user.ExpectTextAsync(redirect);
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        var saved = await ConfirmAndSaveAsync(user);
        Assert.Contains(noted, saved.Text);
        Assert.Contains("8404", saved.Text);

        var report = StoredReport(Reference(saved.Text!));
        Assert.Equal("energy", report.Category);
        await Host.IdleAsync();
        Assert.Empty(Deliveries.OfReport(report.Id));
        Assert.Empty(Smtp.Received);
    }

    [Theory]
    [InlineData(true, "en", "The barn next to the shop is on fire", "Call 112 now")]
    [InlineData(true, "lv", "Pie veikala ugunsgrēks, deg šķūnis", "Zvaniet 112 tūlīt")]
    [InlineData(true, "ru", "У магазина пожар, горит сарай", "Звоните 112 сейчас же")]
    [InlineData(false, "en", "The barn next to the shop is on fire, what should I do?", "Call 112 now")]
    [InlineData(false, "lv", "ka rikoties? kaimins bez samanas un neelpo", "Zvaniet 112 tūlīt")]
    [InlineData(false, "ru", "горит дом соседа, куда звонить?", "Звоните 112 сейчас же")]
    public async Task An_emergency_in_a_report_or_in_free_text_even_as_a_question_gets_112_and_nothing_else(bool report, string lang, string text, string answer)
    {
        var user = await MemberAsync(lang);
        if (report)
        {
            await StartReportAsync(user);
        }

        user.Send(text);
        await user.ExpectTextAsync(answer);
        await user.ExpectSilenceAsync();
        Assert.Equal(0, Store.Reports.Count());
        Assert.Null(Host.Db.Residents.FindById(user.Id)!.Dialog);
        Assert.Empty(Deliveries.Deliveries.FindAll());
        Assert.Empty(Host.Services.GetRequiredService<VillageBot.Features.Questions.Chat.KnowledgeGaps>().Of(null));
    }

    [Fact]
    public async Task Free_text_about_a_power_cut_gets_the_redirect_too()
    {
        var user = await MemberAsync("en");
        user.Send("/report Power cut in our whole street since the morning");
        await user.ExpectTextAsync("call 8404");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
    }
}
