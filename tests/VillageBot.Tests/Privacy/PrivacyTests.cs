using VillageBot.Infrastructure.Storage;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Privacy;
using VillageBot.Features.Reports;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Privacy;

public sealed class PrivacyTests : BotTest
{
    private IDocumentCollection<Report> Reports => Host.Db.Collection<Report>("reports");

    [Fact]
    public async Task Mydata_sends_a_json_file_with_the_record_and_every_section_but_nobody_else()
    {
        var person = await MemberAsync("en");
        var neighbour = await MemberAsync("en");
        Host.Db.MakeCoordinator(person.Id, "kalsnava");
        Host.Db.AddReport("kalsnava", "transport", "My pothole report", reporter: person.Id, fill: r => r.Supporters = [neighbour.Id]);
        Host.Db.AddReport("kalsnava", "safety", "Neighbour's report I supported", reporter: neighbour.Id, fill: r => r.Supporters = [person.Id]);
        await person.WebLinkAsync();

        person.Send("/mydata");
        var file = await person.ExpectAsync(e => e.Method == "sendDocument");
        Assert.StartsWith("villagebot-my-data-", file.FileName);
        Assert.Contains("To erase it, send /forget", file.Text);
        var json = JsonDocument.Parse(file.File!).RootElement;
        var resident = json.GetProperty("resident");
        Assert.Equal(person.Id, resident.GetProperty("telegram_user_id").GetInt64());
        Assert.Equal($"Person{person.Id}", resident.GetProperty("FirstName").GetString());
        Assert.Equal("Kalsnava", resident.GetProperty("village").GetString());
        Assert.Equal("Kalsnava", resident.GetProperty("coordinator_of")[0].GetString());

        var sections = json.GetProperty("sections");
        var reports = sections.GetProperty("reports");
        Assert.Equal("My pothole report", reports.GetProperty("Reported")[0].GetProperty("Text").GetString());
        Assert.Equal(1, reports.GetProperty("Reported")[0].GetProperty("Supporters").GetInt32());
        Assert.Equal("R-1002", reports.GetProperty("Supported")[0].GetString());
        Assert.Equal(1, sections.GetProperty("web_sign_in_links").GetArrayLength());

        var text = System.Text.Encoding.UTF8.GetString(file.File!);
        Assert.DoesNotContain(neighbour.Id.ToString(CultureInfo.InvariantCulture), text);
        Assert.DoesNotContain("Neighbour's report I supported", text);
        Assert.DoesNotContain("TokenHash", text);
    }

    [Fact]
    public async Task Forget_after_confirmation_leaves_no_personal_data_in_the_database_and_keeps_reports_anonymised()
    {
        var person = await MemberAsync("en");
        var neighbour = await MemberAsync("en");
        Host.Db.MakeCoordinator(person.Id, "kalsnava");
        var own = Host.Db.AddReport("kalsnava", "transport", "Pothole by the school", reporter: person.Id);
        var supported = Host.Db.AddReport("kalsnava", "safety", "Dark crossing", reporter: neighbour.Id, fill: r => r.Supporters = [person.Id, neighbour.Id + 1]);
        var handled = Host.Db.AddReport("kalsnava", "energy", "Power cut", fill: r => r.History.Add(new StatusChange { From = "new", To = "acknowledged", ById = person.Id, At = DateTime.UtcNow }));
        await person.WebLinkAsync();
        var name = $"Person{person.Id}";
        var username = $"person{person.Id}";
        Assert.True(Host.StoredDataContains(name) && Host.StoredDataContains(username) && Host.StoredDataContainsId(person.Id), "the person is stored before /forget");

        person.Send("/forget");
        var ask = await person.ExpectAsync(e => e.HasButton("forget:no"));
        Assert.Contains("Your problem reports stay with the village, but without your name", ask.Text);
        var yes = ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!;
        person.ClickData(ask.MessageId, yes);
        await person.ExpectTextAsync("Your data has been erased");
        await Host.IdleAsync();

        Assert.Null(Host.Db.Residents.FindById(person.Id));
        Assert.Null(Reports.FindById(own.Id)!.ReporterId);
        Assert.Equal("Pothole by the school", Reports.FindById(own.Id)!.Text);
        Assert.Equal([neighbour.Id + 1], Reports.FindById(supported.Id)!.Supporters);
        Assert.Equal(neighbour.Id, Reports.FindById(supported.Id)!.ReporterId);
        Assert.Equal(0, Reports.FindById(handled.Id)!.History.Single().ById);
        Assert.Equal(0, Host.Db.Collection<LoginLink>("web_logins").Count());

        await Host.DisposeAsync();
        Assert.False(Host.StoredDataContains(name), "name erased from disk");
        Assert.False(Host.StoredDataContains(username), "username erased from disk");
        Assert.False(Host.StoredDataContainsId(person.Id), "id erased from disk");
        Assert.False(Host.StoredDataContains(person.Id.ToString(CultureInfo.InvariantCulture)), "id text erased from disk");
        Host = await Host.RestartAsync();
        Assert.Equal(neighbour.Id, Host.Db.Residents.FindById(neighbour.Id)!.Id);
    }

    [Fact]
    public async Task Forget_can_be_declined_and_stale_or_forged_buttons_change_nothing()
    {
        var person = await MemberAsync("en");
        person.Send("/forget");
        var ask = await person.ExpectAsync(e => e.HasButton("forget:no"));
        person.Click("forget:no");
        await person.ExpectTextAsync("nothing was erased");

        var old = ((DateTimeOffset)DateTime.UtcNow.AddHours(-2)).ToUnixTimeSeconds() / 60;
        foreach (var forged in new[] { $"forget:yes:{old}", "forget:yes:99999999999999", "forget:yes:-9223372036854775808", "forget:yes", "forget:yes:abc", "forget:maybe", "forget:no:1" })
        {
            person.ClickData(ask.MessageId, forged);
            var answer = await person.ExpectAsync(e => e.Method == "answerCallbackQuery");
            Assert.Equal("This button is no longer valid.", answer.Text);
        }

        await Host.IdleAsync();
        Assert.NotNull(Host.Db.Residents.FindById(person.Id));
    }

    [Fact]
    public async Task Repeated_forget_erases_at_once_and_leaves_one_compaction_for_the_stop()
    {
        var compaction = Host.Services.GetRequiredService<DatabaseCompaction>();
        var stranger = NewUser("en");
        for (var i = 0; i < 3; i++)
        {
            await ForgetAsync(stranger);
        }

        Assert.Equal((0, true), (compaction.Runs, compaction.Pending));
        await Host.DisposeAsync();
        Assert.True((compaction.Runs, compaction.Pending) == (1, false), $"runs {compaction.Runs}, pending {compaction.Pending}: {compaction.LastFailure}");
        Host = await Host.RestartAsync();
    }

    [Fact]
    public void The_owed_compaction_runs_at_the_stop_after_the_update_lanes_and_the_job_workers_have_stopped()
    {
        // A host stops its services in the reverse order of their registration.
        var stopping = Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().Name).Reverse().ToList();
        var compaction = stopping.IndexOf(nameof(DatabaseCompaction));
        var lanes = stopping.IndexOf("BotRuntime");
        var jobs = stopping.FindIndex(n => n.StartsWith("BackgroundJobServer", StringComparison.Ordinal));
        Assert.True(lanes >= 0 && jobs >= 0 && compaction > lanes && compaction > jobs, $"stopping order: {string.Join(", ", stopping)}");
        Assert.Single(stopping, n => n == nameof(DatabaseCompaction));
    }

    private async Task ForgetAsync(TestKit.FakeUser user)
    {
        user.Send("/forget");
        var ask = await user.ExpectAsync(e => e.HasButton("forget:no"));
        user.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await user.ExpectTextAsync("Your data has been erased");
        await Host.IdleAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id));
    }

    [Fact]
    public async Task Someone_who_never_joined_can_still_see_what_little_is_kept()
    {
        var stranger = NewUser("en");
        stranger.Send("/mydata");
        var file = await stranger.ExpectAsync(e => e.Method == "sendDocument");
        Assert.Equal(stranger.Id, JsonDocument.Parse(file.File!).RootElement.GetProperty("resident").GetProperty("telegram_user_id").GetInt64());
    }
}

/// <summary>With a threshold no text reaches, every free text waits for "question or problem?" in an open dialog.</summary>
public sealed class PrivacyOpenDialogTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Intent:UnsureBelow"] = "1" };

    [Fact]
    public async Task Mydata_shows_the_text_an_open_dialog_keeps()
    {
        var person = await MemberAsync("en");
        person.Send("the lamp by the post office has been dark for a week");
        await person.ExpectAsync(e => e.HasButtonFor("ft:q"));

        person.Send("/mydata");
        var file = await person.ExpectAsync(e => e.Method == "sendDocument");
        var resident = JsonDocument.Parse(file.File!).RootElement.GetProperty("resident");
        Assert.Equal("freetext", resident.GetProperty("open_dialog").GetString());
        Assert.Equal("the lamp by the post office has been dark for a week", resident.GetProperty("open_dialog_data").GetProperty("text").GetString());
    }
}
