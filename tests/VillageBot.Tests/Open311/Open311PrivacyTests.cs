using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using VillageBot.Features.Reports;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Open311;

/// <summary>What Open311 publishes when an operator opens reading: never an anonymous report's words, never an exact home.</summary>
public sealed class Open311PublishingTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Open311:PublicRead"] = "true",
        ["Open311:PublishPhotos"] = "true",
        ["Open311:ApiKeys:0"] = "municipality-key-123",
    };

    [Fact]
    public async Task Public_requests_hide_anonymous_words_and_photos_round_locations_and_show_only_public_notes()
    {
        var photo = Api.AddFile([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        var anonymous = Host.Db.AddReport("kalsnava", "transport", "Pothole in front of my house at Skolas 12", anonymous: true, fill: r =>
        {
            (r.Latitude, r.Longitude, r.PhotoFileId) = (56.681234, 25.887654, photo);
            r.History.Add(new StatusChange { From = "new", To = "acknowledged", Note = "Private remark about the reporter", At = DateTime.UtcNow });
        });
        var named = Host.Db.AddReport("kalsnava", "safety", "Dark bus stop", fill: r =>
        {
            (r.Latitude, r.Longitude, r.PhotoFileId) = (56.6796, 25.8849, photo);
            r.History.Add(new StatusChange { From = "new", To = "acknowledged", Note = "Lamp ordered", NotePublic = true, At = DateTime.UtcNow });
            r.History.Add(new StatusChange { From = "acknowledged", To = "in_progress", Note = "Called the reporter's wife", At = DateTime.UtcNow });
        });
        var client = Host.CreateClient();

        var all = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/requests.json")).RootElement;
        var a = all.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == anonymous.Reference);
        var n = all.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == named.Reference);
        Assert.Equal("", a.GetProperty("description").GetString());
        Assert.Equal((56.681, 25.888), (a.GetProperty("lat").GetDouble(), a.GetProperty("long").GetDouble()));
        Assert.Equal("", a.GetProperty("status_notes").GetString());
        Assert.Equal("", a.GetProperty("media_url").GetString());
        Assert.Equal("Dark bus stop", n.GetProperty("description").GetString());
        Assert.Equal((56.680, 25.885), (n.GetProperty("lat").GetDouble(), n.GetProperty("long").GetDouble()));
        Assert.Equal("Lamp ordered", n.GetProperty("status_notes").GetString());
        Assert.EndsWith($"/open311/v2/media/{named.Id}", n.GetProperty("media_url").GetString());
        var raw = all.GetRawText();
        Assert.DoesNotContain("Skolas 12", raw);
        Assert.DoesNotContain("Private remark", raw);
        Assert.DoesNotContain("wife", raw);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/media/{anonymous.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/media/{named.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_privacy_notice_says_what_is_published()
    {
        var notice = await PrivacyNoticeAsync(NewUser("en"));
        Assert.Contains("Public (for municipal systems, Open311)", notice.Text);
        Assert.Contains("never the text or photo of an anonymous report", notice.Text);
        Assert.EndsWith("Do you agree?", notice.Text);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_refused_and_the_header_or_form_field_is_used_instead()
    {
        var client = Host.CreateClient();
        var read = await client.GetAsync("/open311/v2/requests.json?api_key=municipality-key-123");
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
        Assert.Contains("api_key is not accepted in the query string: send it in the X-Api-Key header", await read.Content.ReadAsStringAsync());

        var post = await client.PostAsync("/open311/v2/requests.json?api_key=municipality-key-123", Form(("service_code", "safety"), ("lat", "56.90"), ("long", "25.64"), ("description", "Broken light")));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(0, Host.Db.Collection<Report>("reports").Count());

        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = Form(("service_code", "safety"), ("lat", "56.90"), ("long", "25.64"), ("description", "Broken light")) };
        withHeader.Headers.Add("X-Api-Key", "municipality-key-123");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withHeader)).StatusCode);
        var form = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "municipality-key-123"), ("service_code", "safety"), ("lat", "56.90"), ("long", "25.64"), ("description", "Another light")));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(2, Host.Db.Collection<Report>("reports").Count());
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_dropped_where_stored_and_where_written()
    {
        var old = Host.Db.AddReport("kalsnava", "transport", "Stored earlier\u0001 with\uFFFF bad characters");
        var client = Host.CreateClient();
        var created = await client.PostAsync("/open311/v2/requests.json", Form(("api_key", "municipality-key-123"), ("service_code", "safety"), ("lat", "56.90"), ("long", "25.64"), ("description", "Light\u0001 out\uFFFF here")));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        Assert.Equal("Light out here", Host.Db.Collection<Report>("reports").FindOne(r => r.Reference == id)!.Text);

        var response = await client.GetAsync("/open311/v2/requests.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Contains("Stored earlier with bad characters", xml.Elements("request").Select(r => r.Element("description")!.Value));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/requests/{old.Reference}.xml")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_decides_on_the_web_whether_a_note_is_public()
    {
        var report = Host.Db.AddReport("kalsnava", "transport", "Pothole");
        var coordinator = await MemberAsync("en");
        var browser = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        var page = await browser.GetStringAsync($"/web/reports/{report.Id}?lang=en");
        Assert.Contains("This note may be public", page);

        await browser.SubmitAsync($"/web/reports/{report.Id}", new() { ["status"] = ReportStatus.Acknowledged, ["note"] = "Private\u0001 call planned" }, $"/web/reports/{report.Id}/status");
        Assert.Equal("", await NotesAsync(report.Reference));
        Assert.Equal("Private call planned", Host.Db.Collection<Report>("reports").FindById(report.Id)!.History.Single().Note);

        await browser.SubmitAsync($"/web/reports/{report.Id}", new() { ["status"] = ReportStatus.InProgress, ["note"] = "Repair on Friday", ["public_note"] = "on" }, $"/web/reports/{report.Id}/status");
        Assert.Equal("Repair on Friday", await NotesAsync(report.Reference));
    }

    /// <summary>The notice a newcomer is shown before agreeing.</summary>
    internal static async Task<TestKit.BotEvent> PrivacyNoticeAsync(TestKit.FakeUser user)
    {
        user.Send("/start kalsnava");
        await user.ExpectAsync(e => e.HasButton("lang:en"));
        user.Click("lang:en");
        return await user.ExpectAsync(e => e.HasButton("privacy:ok"));
    }

    private async Task<string?> NotesAsync(string reference) =>
        JsonDocument.Parse(await Host.CreateClient().GetStringAsync($"/open311/v2/requests/{reference}.json")).RootElement[0].GetProperty("status_notes").GetString();

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}

/// <summary>Reading is closed unless an operator opens it; the photo path follows the same rule.</summary>
public sealed class Open311DefaultTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Open311:PublishPhotos"] = "true",
        ["Open311:ApiKeys:0"] = "municipality-key-123",
    };

    [Fact]
    public async Task By_default_nothing_is_public_not_even_photos_and_the_notice_promises_nothing_public()
    {
        var photo = Api.AddFile([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        var report = Host.Db.AddReport("kalsnava", "safety", "Dark bus stop", fill: r => r.PhotoFileId = photo);
        var client = Host.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/open311/v2/requests.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/open311/v2/requests/{report.Reference}.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/open311/v2/media/{report.Id}")).StatusCode);

        using var keyed = new HttpRequestMessage(HttpMethod.Get, $"/open311/v2/media/{report.Id}");
        keyed.Headers.Add("X-Api-Key", "municipality-key-123");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(keyed)).StatusCode);

        var notice = await Open311PublishingTests.PrivacyNoticeAsync(NewUser("en"));
        Assert.DoesNotContain("Open311", notice.Text);
    }
}
