using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Broadcasts;
using VillageBot.TestKit;

namespace VillageBot.Tests.Broadcasts;

public sealed class BroadcastTests : VillageTest
{
    [Fact]
    public async Task Text_broadcast_reaches_active_residents_through_429s_and_reports_blocked_ones_who_become_inactive()
    {
        var coordinator = await CoordinatorAsync("en");
        var residents = AddResidents(6);
        var elsewhere = AddResidents(1, "skrunda");
        var inactive = AddResidents(1).Single();
        var gone = Host.Db.Residents.FindById(inactive.Id)!;
        gone.Active = false;
        Host.Db.Residents.Update(gone);
        Api.FailWith429(residents[1].Id, times: 2, retryAfterSeconds: 1);
        Api.Block(residents[2].Id);
        Api.Block(residents[4].Id);

        coordinator.Send("/broadcast");
        await coordinator.ExpectAsync(e => e.HasButton("bc:k:text") && e.Text!.Contains("7 active residents"));
        coordinator.Click("bc:k:text");
        await coordinator.ExpectTextAsync("Write the message for the 7 residents of Kalsnava");
        coordinator.Send("The community house opens on Saturday at 10:00.\nBring a cake!");
        await coordinator.ExpectAsync(e => e.HasButton("bc:at:now"));
        coordinator.Click("bc:at:now");
        var preview = await coordinator.ExpectAsync(e => e.HasButton("bc:send"));
        Assert.Contains("📢 Kalsnava: a message to all residents", preview.Text);
        Assert.Contains("Bring a cake!", preview.Text);
        Assert.Contains("Recipients: 7 · Sending: right away", preview.Text);
        coordinator.Click("bc:send");

        var report = await coordinator.ExpectTextAsync("Sending finished");
        Assert.Contains("Delivered: 5", report.Text);
        Assert.Contains("Failed: 0", report.Text);
        Assert.Contains("Blocked the bot: 2", report.Text);

        foreach (var r in residents.Where((_, i) => i is not 2 and not 4))
        {
            var got = Assert.Single(Api.Events(r.Id), e => e.Method == "sendMessage");
            Assert.Contains("📢 Kalsnava: ziņa visiem iedzīvotājiem", got.Text);
            Assert.Contains("Bring a cake!", got.Text);
        }

        Assert.False(Host.Db.Residents.FindById(residents[2].Id)!.Active);
        Assert.False(Host.Db.Residents.FindById(residents[4].Id)!.Active);
        Assert.Empty(Api.Events(elsewhere[0].Id));
        Assert.Empty(Api.Events(inactive.Id));
        var broadcast = Host.Services.GetRequiredService<IBroadcaster>().Get(1)!;
        Assert.Equal(BroadcastState.Done, broadcast.State);
        Assert.Equal(new BroadcastCounts(7, 0, 5, 0, 2), Host.Services.GetRequiredService<IBroadcaster>().Counts(1));
    }

    [Fact]
    public async Task Restart_in_the_middle_of_a_broadcast_resumes_with_the_remaining_recipients()
    {
        await Host.DisposeAsync();
        Host = await BotHost.StartAsync(Api, settings: new Dictionary<string, string?> { ["Broadcast:MessagesPerSecond"] = "20" });
        var coordinator = await CoordinatorAsync("en");
        var residents = AddResidents(40);
        await Host.Services.GetRequiredService<IBroadcaster>().StartAsync(VillageId("kalsnava"), BroadcastContent.Message("Water will be off on Tuesday."), coordinator.Id);
        await Api.WaitForEventAsync(_ => Received(residents) >= 10, 0, TimeSpan.FromSeconds(10));

        await Host.DisposeAsync();
        var beforeRestart = Received(residents);
        Host = await BotHost.StartAsync(Api, Host.DataDirectory, Host.Settings);
        Assert.InRange(beforeRestart, 10, 39);
        var report = await coordinator.ExpectTextAsync("Sending finished");
        Assert.Contains("Delivered: 41", report.Text);
        var perResident = residents.Select(r => Api.Events(r.Id).Count(e => e.Method == "sendMessage")).ToList();
        Assert.All(perResident, n => Assert.InRange(n, 1, 2));
        Assert.True(perResident.Count(n => n == 2) <= 1, "at most one message repeated after the restart");
    }

    [Fact]
    public async Task Residents_cannot_broadcast_and_coordinators_cannot_choose_another_village()
    {
        var resident = await MemberAsync("en");
        resident.Send("/broadcast");
        await resident.ExpectTextAsync("Only a village coordinator");
        resident.ClickData(1, "bc:send");
        Assert.Contains("Only a village coordinator", (await resident.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);

        var coordinator = await CoordinatorAsync("en");
        coordinator.Send("/broadcast");
        var kind = await coordinator.ExpectAsync(e => e.HasButton("bc:k:text"));
        coordinator.ClickData(kind.MessageId, $"bc:v:{VillageId("skrunda")}");
        Assert.Contains("no longer valid", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        coordinator.ClickData(kind.MessageId, "bc:drop:999");
        Assert.Contains("no longer valid", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Equal(VillageId("kalsnava").ToString(System.Globalization.CultureInfo.InvariantCulture), Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Get("village"));
        Assert.Equal(0, Host.Services.GetRequiredService<BroadcastStore>().Broadcasts.Count());
    }

    [Fact]
    public async Task Bad_text_and_time_get_a_reply_and_nothing_is_sent()
    {
        var coordinator = await CoordinatorAsync("ru");
        coordinator.Send("/broadcast");
        await coordinator.ExpectAsync(e => e.HasButton("bc:k:text"));
        coordinator.Send("hello");
        await coordinator.ExpectTextAsync("выберите кнопкой");
        coordinator.Click("bc:k:text");
        await coordinator.ExpectTextAsync("Напишите сообщение");
        Api.SendMessage(coordinator.Id, m => m.Photo = [new Telegram.Bot.Types.PhotoSize { FileId = "p", FileUniqueId = "p", Width = 1, Height = 1 }]);
        await coordinator.ExpectTextAsync("напишите текст сообщения");
        coordinator.Send(new string('x', 2500));
        await coordinator.ExpectTextAsync("Сообщение слишком длинное");
        Assert.Null(Host.Db.Residents.FindById(coordinator.Id)!.Dialog!.Get("text"));
        coordinator.Send("Собрание в пятницу");
        await coordinator.ExpectAsync(e => e.HasButton("bc:at:now"));
        coordinator.Send("вчера");
        await coordinator.ExpectTextAsync("Не понял это время");
        coordinator.Send("/cancel");
        await coordinator.ExpectTextAsync("Отменено");
        Assert.Equal(0, Host.Services.GetRequiredService<BroadcastStore>().Broadcasts.Count());
    }

    [Fact]
    public async Task Admin_picks_any_village_and_can_send_a_poll_from_broadcast()
    {
        var admin = Admin("en");
        await admin.OnboardAsync("kalsnava");
        admin.Send("/broadcast");
        await admin.ExpectAsync(e => e.HasButton($"bc:v:{VillageId("skrunda")}") && e.HasButton($"bc:v:{VillageId("kalsnava")}"));
        admin.Click($"bc:v:{VillageId("skrunda")}");
        await admin.ExpectAsync(e => e.HasButton("bc:k:poll") && e.Text!.Contains("Skrunda"));
        admin.Click("bc:k:poll");
        await admin.ExpectTextAsync("New poll for Skrunda");
        Assert.Equal("poll", Host.Db.Residents.FindById(admin.Id)!.Dialog!.Name);
    }

    private int Received(IEnumerable<FakeUser> residents) => residents.Count(r => Api.Events(r.Id).Count > 0);
}
