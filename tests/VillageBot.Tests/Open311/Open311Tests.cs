using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using VillageBot.Features.Reports;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Open311;

/// <summary>Checks the responses against the field lists of GeoReport v2 (wiki.open311.org/GeoReport_v2).</summary>
public sealed class Open311Tests : BotTest
{
    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Open311:ApiKeys:0"] = "municipality-key-123", ["Open311:PublicRead"] = "true" };

    [Fact]
    public async Task Discovery_lists_the_endpoint_in_json_and_xml()
    {
        var client = Host.CreateClient();
        var json = await JsonAsync(client, "/open311/v2/discovery.json");
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], Names(json));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], Names(endpoint));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal("http://localhost:5000/open311/v2", endpoint.GetProperty("url").GetString());

        var xml = await XmlAsync(client, "/open311/v2/discovery.xml");
        Assert.Equal("discovery", xml.Name.LocalName);
        var formats = xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value);
        Assert.Equal(["text/xml", "application/json"], formats);
    }

    [Fact]
    public async Task Services_are_the_nine_categories_with_localised_names_and_pillar_groups()
    {
        var client = Host.CreateClient();
        var json = await JsonAsync(client, "/open311/v2/services.json?lang=en");
        Assert.Equal(Categories.All, json.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()));
        foreach (var service in json.EnumerateArray())
        {
            Assert.Equal(ServiceFields, Names(service));
            Assert.False(service.GetProperty("metadata").GetBoolean());
            Assert.Equal("realtime", service.GetProperty("type").GetString());
        }

        var transport = json[0];
        Assert.Equal(("Roads and transport", "connected"), (transport.GetProperty("service_name").GetString(), transport.GetProperty("group").GetString()));

        var xml = await XmlAsync(client, "/open311/v2/services.xml");
        Assert.Equal("services", xml.Name.LocalName);
        Assert.All(xml.Elements(), s =>
        {
            Assert.Equal("service", s.Name.LocalName);
            Assert.Equal(ServiceFields, s.Elements().Select(e => e.Name.LocalName));
        });
        Assert.Equal("Ceļi un transports", xml.Elements().First().Element("service_name")!.Value);
        Assert.Equal("false", xml.Elements().First().Element("metadata")!.Value);
    }

    [Fact]
    public async Task Requests_are_listed_with_the_standard_fields_and_filters_in_json_and_xml()
    {
        var now = DateTime.UtcNow;
        var anonymousAuthor = await MemberAsync("en");
        var open = Host.Db.AddReport("kalsnava", "transport", "Pothole on Skolas iela", at: now.AddDays(-2), reporter: anonymousAuthor.Id, anonymous: true, fill: r => { r.Latitude = 56.68; r.Longitude = 25.88; });
        var closed = Host.Db.AddReport("ergli", "environment", "Dumped tyres", at: now.AddDays(-5), status: ReportStatus.Resolved,
            fill: r => r.History.Add(new StatusChange { From = "new", To = "resolved", Note = "Collected by the municipality", NotePublic = true, At = now }));
        var old = Host.Db.AddReport("ergli", "transport", "Last year's ice", at: now.AddDays(-200), status: ReportStatus.Acknowledged);
        var client = Host.CreateClient();

        var all = await JsonAsync(client, "/open311/v2/requests.json");
        Assert.Equal([open.Reference, closed.Reference], Ids(all));
        foreach (var request in all.EnumerateArray())
        {
            Assert.Equal(RequestFields, Names(request));
        }

        var first = all[0];
        Assert.Equal(("open", "transport", ""), (first.GetProperty("status").GetString(), first.GetProperty("service_code").GetString(), first.GetProperty("description").GetString()));
        Assert.Equal((56.68, 25.88), (first.GetProperty("lat").GetDouble(), first.GetProperty("long").GetDouble()));
        Assert.Equal("Madonas novads", first.GetProperty("agency_responsible").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", first.GetProperty("requested_datetime").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("expected_datetime").ValueKind);
        Assert.Equal(("closed", "Collected by the municipality"), (all[1].GetProperty("status").GetString(), all[1].GetProperty("status_notes").GetString()));
        Assert.DoesNotContain($"{anonymousAuthor.Id}", all.GetRawText());

        Assert.Equal([closed.Reference], Ids(await JsonAsync(client, "/open311/v2/requests.json?status=closed")));
        Assert.Equal([open.Reference], Ids(await JsonAsync(client, "/open311/v2/requests.json?service_code=transport")));
        var range = $"start_date={now.AddDays(-365):yyyy-MM-dd}T00:00:00Z&end_date={now.AddDays(-3):yyyy-MM-ddTHH:mm:ss}Z";
        Assert.Equal([closed.Reference, old.Reference], Ids(await JsonAsync(client, "/open311/v2/requests.json?" + range)));
        Assert.Equal([old.Reference], Ids(await JsonAsync(client, $"/open311/v2/requests.json?{range}&service_code=transport&status=open")));

        var xml = await XmlAsync(client, "/open311/v2/requests.xml?status=open,closed");
        Assert.Equal("service_requests", xml.Name.LocalName);
        Assert.Equal(2, xml.Elements("request").Count());
        Assert.All(xml.Elements(), r =>
        {
            Assert.Equal("request", r.Name.LocalName);
            Assert.Equal(RequestFields, r.Elements().Select(e => e.Name.LocalName));
        });
        Assert.Equal("25.88", xml.Element("request")!.Element("long")!.Value);

        var one = await JsonAsync(client, $"/open311/v2/requests/{closed.Reference}.json");
        Assert.Equal([closed.Reference], Ids(one));

        // A reference typed in lower case is the same report, on either storage provider.
        Assert.Equal([closed.Reference], Ids(await JsonAsync(client, $"/open311/v2/requests/{closed.Reference.ToLowerInvariant()}.json")));
        var oneXml = await XmlAsync(client, $"/open311/v2/requests/{closed.Reference}.xml");
        Assert.Equal("closed", oneXml.Element("request")!.Element("status")!.Value);
    }

    [Fact]
    public async Task Bad_parameters_get_standard_errors()
    {
        var client = Host.CreateClient();
        var json = await client.GetAsync("/open311/v2/requests.json?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var error = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(["code", "description"], Names(error));
        Assert.Equal(400, error.GetProperty("code").GetInt32());

        var xml = await client.GetAsync("/open311/v2/requests.xml?start_date=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        var errors = XElement.Parse(await xml.Content.ReadAsStringAsync());
        Assert.Equal(("errors", "error", "400"), (errors.Name.LocalName, errors.Elements().Single().Name.LocalName, errors.Element("error")!.Element("code")!.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/requests/R-9999.json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/open311/v2/requests.json?service_code=weather")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/requests.csv")).StatusCode);
    }

    [Fact]
    public async Task Post_with_the_api_key_creates_a_report_in_the_nearest_village()
    {
        var client = Host.CreateClient();
        var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "municipality-key-123",
            ["service_code"] = "safety",
            ["lat"] = "56.90",
            ["long"] = "25.64",
            ["description"] = "Broken street light at the bus stop",
            ["first_name"] = "Jānis",
            ["email"] = "janis@example.lv",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(["service_request_id", "service_notice", "account_id"], Names(created));
        var id = created.GetProperty("service_request_id").GetString();

        var report = Host.Db.Collection<Report>("reports").FindOne(r => r.Reference == id)!;
        Assert.Equal(Host.Db.Village("ergli").Id, report.VillageId);
        Assert.Equal(("safety", ReportStatus.New, true, (long?)null), (report.Category, report.Status, report.Anonymous, report.ReporterId));
        Assert.False(Host.StoredDataContains("janis@example.lv"), "the submitter's e-mail is not kept");

        var xml = await client.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "municipality-key-123",
            ["service_code"] = "transport",
            ["address_string"] = "Rīgas iela 5",
            ["description"] = "Pothole",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Contains("<errors><error><code>400</code>", await xml.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_without_a_valid_key_is_refused_and_creates_nothing()
    {
        var client = Host.CreateClient();
        foreach (var key in new[] { "", "wrong" })
        {
            var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = key,
                ["service_code"] = "safety",
                ["lat"] = "56.90",
                ["long"] = "25.64",
                ["description"] = "Spam",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Equal(0, Host.Db.Collection<Report>("reports").Count());
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<XElement> XmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        return XDocument.Parse(text).Root!;
    }

    private static string[] Names(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
}

/// <summary>Without configured keys nobody may create requests, and reading can be closed to keyless callers.</summary>
public sealed class Open311ClosedTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Open311:PublicRead"] = "false",
    };

    [Fact]
    public async Task Post_is_refused_when_no_keys_are_configured_and_reading_needs_a_key_when_not_public()
    {
        var client = Host.CreateClient();
        var post = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "anything",
            ["service_code"] = "safety",
            ["lat"] = "56.90",
            ["long"] = "25.64",
            ["description"] = "Broken light",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("not enabled", await post.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/open311/v2/requests.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);
    }
}
