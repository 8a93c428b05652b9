using System.Net;
using VillageBot.Tests.AdminWeb;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.VoiceMessages;
using VillageBot.TestKit;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.VoiceMessages;

/// <summary>Voice messages with a speech service configured, pointed at a transcription server on loopback.</summary>
public sealed class VoiceMessageTests : ReportTest, IAsyncLifetime
{
    private static readonly byte[] Recording = [0x4F, 0x67, 0x67, 0x53, 1, 2, 3, 4, 5, 6, 7, 8];

    private TranscriptionStub _stub = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Speech:Provider"] = "OpenAICompatible",
        ["Speech:Endpoint"] = _stub.Endpoint,
        ["Speech:Model"] = "whisper-small",
        ["Speech:TimeoutSeconds"] = "3",
    };

    private HeardVoices Heard => Host.Services.GetRequiredService<HeardVoices>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        _stub = await TranscriptionStub.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task A_spoken_question_is_shown_back_in_the_persons_language_and_answered_after_go_on()
    {
        _stub.Reply = "What is LEADER?";
        var user = await MemberAsync("en");
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 4, "en");

        var heard = await user.ExpectTextAsync("I heard");
        Assert.Contains("“What is LEADER?”", heard.Text, StringComparison.Ordinal);
        Assert.True(heard.HasButton("voice:go") && heard.HasButton("voice:edit") && heard.HasButton("voice:no"));
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("en", request.Language);
        Assert.Equal("whisper-small", request.Model);
        Assert.Equal(Recording, request.Audio);

        user.Click("voice:go");
        var answer = await user.ExpectTextAsync("Sources:");
        Assert.Contains("local action group", answer.Text, StringComparison.Ordinal);
        Assert.Null(Heard.Of(user.Id));
    }

    [Fact]
    public async Task A_spoken_text_answered_as_a_question_and_then_reported_keeps_its_voice()
    {
        _stub.Reply = "What is LEADER?";
        var user = await MemberAsync("en");
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 4, "en");
        await user.ExpectTextAsync("I heard");
        user.Click("voice:go");
        await user.ExpectAsync(e => e.HasButtonFor("ft:p"));

        user.ClickFor("ft:p");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        var dialog = Host.Db.Residents.FindById(user.Id)!.Dialog!;
        Assert.Equal(("What is LEADER?", voice), (dialog.Get("text"), dialog.Get("voice")));
    }

    [Fact]
    public async Task A_spoken_description_goes_on_in_the_report_dialog_and_the_report_keeps_the_voice()
    {
        var user = await MemberAsync("en");
        var (voice, report) = await ReportByVoiceAsync(user);
        Assert.Equal("Huge pothole on the road by the school", report.Text);
        Assert.Equal("transport", report.Category);
        Assert.Equal(voice, report.VoiceFileId);
        Assert.Null(Heard.Of(user.Id));
    }

    [Fact]
    public async Task The_voice_kept_with_a_report_plays_on_its_admin_page_for_those_who_may_see_the_report_only()
    {
        var (_, report) = await ReportByVoiceAsync(await MemberAsync("en"));
        var reference = report.Reference;

        var browser = await Host.SignInAsync(Admin());
        var page = await browser.GetStringAsync($"/web/reports/{report.Id}?lang=en");
        Assert.Contains($"Voice message attached to report {reference}", page);
        Assert.Contains($"<audio controls preload=\"none\" src=\"/web/reports/{report.Id}/voice\"", page);
        Assert.Contains($"<a href=\"/web/reports/{report.Id}/voice\" download=\"{reference}.ogg\">Download the voice message</a>", page);
        var lv = await browser.GetStringAsync($"/web/reports/{report.Id}?lang=lv");
        Assert.Contains($"Balss ziņa pie ziņojuma {reference}", lv);

        var audio = await browser.GetAsync($"/web/reports/{report.Id}/voice");
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/ogg", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Recording, await audio.Content.ReadAsByteArrayAsync());

        // The same rule as a report's photo: a coordinator of another village sees neither the page nor the voice.
        var other = await Host.SignInAsync(await CoordinatorAsync("ergli"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/web/reports/{report.Id}/voice")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await Host.HtmlClient().GetAsync($"/web/reports/{report.Id}/voice")).StatusCode);
    }

    [Fact]
    public async Task Typing_instead_replaces_what_was_heard_and_the_typed_report_keeps_the_voice()
    {
        _stub.Reply = "Huge pot hole on the toad";
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 5, "en");
        await user.ExpectAsync(e => e.HasButton("voice:edit"));
        user.Click("voice:edit");
        await user.ExpectTextAsync("Please type the text");

        user.Send("Huge pothole on the road by the shop");
        var report = await FinishReportAsync(user);
        Assert.Equal("Huge pothole on the road by the shop", report.Text);
        Assert.Equal(voice, report.VoiceFileId);
    }

    [Fact]
    public async Task Cancel_keeps_nothing_and_leaves_the_dialog_where_it_was()
    {
        _stub.Reply = "Huge pothole on the road by the school";
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        Api.SendVoice(user.Id, Api.AddVoice(Recording), 5, "en");
        await user.ExpectAsync(e => e.HasButton("voice:no"));
        user.Click("voice:no");
        await user.ExpectTextAsync("Nothing of what I heard was kept");
        Assert.Null(Heard.Of(user.Id));

        user.Click("voice:go");
        await user.ExpectTextAsync("no longer");
        user.Send("Rubbish dumped in the forest near the lake");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
    }

    [Fact]
    public async Task A_recording_over_two_minutes_or_twenty_megabytes_is_refused_without_downloading()
    {
        var user = await MemberAsync("lv");
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 121, "lv");
        await user.ExpectTextAsync("līdz 2 min");
        Api.SendVoice(user.Id, voice, 60, "lv", fileSize: 21L * 1024 * 1024);
        await user.ExpectTextAsync("vairāk nekā 20 MB");

        Assert.Equal(0, Api.CallCount("getFile"));
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_slow_service_gets_a_polite_reply_and_the_report_dialog_goes_on()
    {
        _stub.Stall = TimeSpan.FromSeconds(30);
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        Api.SendVoice(user.Id, Api.AddVoice(Recording), 5, "en");
        await user.ExpectTextAsync("could not listen to your voice message");
        Assert.Null(Heard.Of(user.Id));

        user.Send("Huge pothole on the road by the school");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
    }

    [Fact]
    public async Task A_failing_service_gets_a_polite_reply_and_the_same_recording_can_be_sent_again()
    {
        _stub.StatusCode = 500;
        _stub.Reply = "What is LEADER?";
        var user = await MemberAsync("ru");
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 5, "ru");
        await user.ExpectTextAsync("не получилось прослушать");

        _stub.StatusCode = 200;
        Api.SendVoice(user.Id, voice, 5, "ru");
        await user.ExpectTextAsync("Я услышал: «What is LEADER?»");
        Assert.All(_stub.Requests, r => Assert.Equal("ru", r.Language));
    }

    [Fact]
    public async Task Words_in_another_language_are_shown_as_heard_and_go_where_the_same_typed_words_would()
    {
        // Asked for English, the service heard Latvian: the text is shown as it came and read like typed Latvian.
        _stub.Reply = "Kas ir LEADER?";
        var user = await MemberAsync("en");
        Api.SendVoice(user.Id, Api.AddVoice(Recording), 3, "en");
        await user.ExpectTextAsync("I heard: “Kas ir LEADER?”");
        Assert.Equal("en", Assert.Single(_stub.Requests).Language);

        user.Click("voice:go");
        var answer = await user.ExpectAsync(e => e.Method == "sendMessage" && e.Text!.Contains("📚", StringComparison.Ordinal));
        Assert.Contains("LEADER", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>A report whose description was spoken ("Huge pothole on the road by the school") and confirmed with "go on".</summary>
    private async Task<(string Voice, Features.Reports.Report Report)> ReportByVoiceAsync(FakeUser user)
    {
        _stub.Reply = "Huge pothole on the road by the school";
        await StartReportAsync(user);
        var voice = Api.AddVoice(Recording);
        Api.SendVoice(user.Id, voice, 7, "en");
        await user.ExpectAsync(e => e.HasButton("voice:go"));
        user.Click("voice:go");
        return (voice, await FinishReportAsync(user));
    }

    /// <summary>After the description: skip attachments, confirm the proposed category, not anonymous.</summary>
    private async Task<Features.Reports.Report> FinishReportAsync(FakeUser user)
    {
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        return StoredReport(Reference((await ConfirmAndSaveAsync(user)).Text!));
    }

    [Fact]
    public async Task A_recording_without_words_is_said_so()
    {
        _stub.Reply = " ... ";
        var user = await MemberAsync("en");
        Api.SendVoice(user.Id, Api.AddVoice(Recording), 2, "en");
        await user.ExpectTextAsync("could not make out any words");
        Assert.Null(Heard.Of(user.Id));
    }
}

/// <summary>Voice messages when no speech service is configured (the default).</summary>
public sealed class VoiceWithoutSpeechTests : BotTest
{
    [Fact]
    public async Task The_bot_says_it_cannot_listen_yet_and_asks_for_words_without_downloading()
    {
        var user = await MemberAsync("en");
        Api.SendVoice(user.Id, Api.AddVoice([1, 2, 3]), 5, "en");
        await user.ExpectTextAsync("Please write in words");
        Assert.Equal(0, Api.CallCount("getFile"));
        Assert.Null(Host.Services.GetRequiredService<HeardVoices>().Of(user.Id));
    }
}
