using System.Net;
using System.Text.Json;
using VillageBot.Features.Responsibilities;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Responsibilities;

public sealed class ResponsibilityPageTests : ResponsibilityTest
{
    /// <summary>The edit form of Kalsnava's own environment entry, filled in as its coordinator would.</summary>
    private static Dictionary<string, string> KalsnavaForm(string email) => new()
    {
        ["scope"] = "village:kalsnava",
        ["category"] = "environment",
        ["channel"] = "email",
        ["lang"] = "lv",
        ["name"] = "Kalsnavas pagasta pārvalde",
        ["email"] = email,
        ["source"] = "https://www.madona.lv/lv/kalsnavas-pagasts",
    };

    private Responsibility Entry(string? village, string? municipality, string category) =>
        Responsibilities.All().Single(e => e.Village == village && e.Municipality == municipality && e.Category == category && e.Topic is null);

    [Fact]
    public async Task A_coordinator_edits_their_villages_entry_and_only_that_one()
    {
        var coordinator = await MemberAsync("en");
        var web = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        var list = await web.GetStringAsync("/web/responsibilities");
        Assert.Contains("E-mail delivery is on: 127.0.0.1", list);
        Assert.Contains("Kalsnavas pagasta pārvalde", list);
        Assert.Contains("Madonas novada pašvaldība", list);
        Assert.Contains("AS &quot;Sadales tīkls&quot;", list);
        Assert.DoesNotContain("Cēsu novada pašvaldība", list);

        var own = Entry("kalsnava", null, "environment");
        var fields = new Dictionary<string, string>(KalsnavaForm("parvalde@kalsnava.test"))
        {
            ["topic"] = "",
            ["phone"] = "+371 64860090",
            ["web"] = "https://www.madona.lv",
            ["checked"] = "on",
        };
        var saved = await web.SubmitAsync($"/web/responsibilities/{own.Id}", fields, action: "/web/responsibilities/save");
        Assert.Equal("/web/responsibilities?done=saved", saved.Headers.Location?.OriginalString);
        var after = Responsibilities.Find(own.Id)!;
        Assert.Equal("parvalde@kalsnava.test", after.Body.Email);
        Assert.True(after.Checked);
        Assert.Equal(coordinator.Id, after.UpdatedBy);

        // The municipality's entry is not theirs: neither its page nor a forged post to it.
        var municipal = Entry(null, "Madonas novads", "transport");
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/web/responsibilities/{municipal.Id}")).StatusCode);
        var forged = await web.SubmitAsync($"/web/responsibilities/{own.Id}", new(fields) { ["id"] = municipal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["email"] = "evil@test" }, action: "/web/responsibilities/save");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var moved = await web.SubmitAsync($"/web/responsibilities/{own.Id}", new(fields) { ["scope"] = "municipality:Madonas novads" }, action: "/web/responsibilities/save");
        Assert.Equal($"/web/responsibilities/{own.Id}?error=scope", moved.Headers.Location?.OriginalString);
        Assert.Equal("pasts@madona.lv", Responsibilities.Find(municipal.Id)!.Body.Email);
        Assert.Equal("kalsnava", Responsibilities.Find(own.Id)!.Village);
    }

    [Theory]
    [InlineData("email", "not-an-address", "email")]
    [InlineData("source", "ftp://example.lv", "source")]
    [InlineData("channel", "fax", "channel")]
    [InlineData("topic", "power_cut", "topic")]
    [InlineData("phone", "call me", "phone")]
    [InlineData("name", "", "name")]
    public async Task Bad_input_is_refused_with_a_reason_and_changes_nothing(string field, string value, string error)
    {
        var web = await Host.SignInAsync(Admin());
        var own = Entry("kalsnava", null, "environment");
        var fields = new Dictionary<string, string>(KalsnavaForm("new@kalsnava.test")) { [field] = value };
        var response = await web.SubmitAsync($"/web/responsibilities/{own.Id}", fields, action: "/web/responsibilities/save");
        Assert.Equal($"/web/responsibilities/{own.Id}?error={error}", response.Headers.Location?.OriginalString);
        Assert.Equal("kalsnava@madona.lv", Responsibilities.Find(own.Id)!.Body.Email);
        var page = await web.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("role=\"alert\"", page);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var web = await Host.SignInAsync(Admin());
        var own = Entry("kalsnava", null, "environment");
        var response = await web.PostAsync($"/web/responsibilities/{own.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.False(response.IsSuccessStatusCode);
        Assert.NotNull(Responsibilities.Find(own.Id));
        var page = await web.GetAsync("/web/responsibilities");
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task An_admin_adds_a_national_entry_and_the_editor_is_covered_by_mydata_and_forget()
    {
        var admin = Admin();
        var web = await Host.SignInAsync(admin);
        var saved = await web.SubmitAsync("/web/responsibilities/new", new()
        {
            ["scope"] = "country",
            ["category"] = "digital",
            ["channel"] = "open311",
            ["lang"] = "en",
            ["name"] = "National broadband desk",
            ["open311endpoint"] = "https://open311.example.lv/v2",
            ["source"] = "https://example.lv/contacts",
        }, action: "/web/responsibilities/save");
        Assert.Equal("/web/responsibilities?done=saved", saved.Headers.Location?.OriginalString);
        var entry = Responsibilities.All().Single(e => e.Body.Name == "National broadband desk");
        Assert.Null(entry.Municipality);
        Assert.Null(entry.Village);
        Assert.Equal(BotHostAdmin, entry.UpdatedBy);

        admin.Send("/mydata");
        var file = await admin.ExpectAsync(e => e.Method == "sendDocument");
        var section = JsonDocument.Parse(file.File!).RootElement.GetProperty("sections").GetProperty("responsibilities");
        Assert.Equal("National broadband desk", section.GetProperty("Edited")[0].GetProperty("Body").GetString());

        new ResponsibilityPersonalData(Responsibilities).Erase(BotHostAdmin);
        Assert.DoesNotContain(Responsibilities.All(), e => e.UpdatedBy == BotHostAdmin);
        Assert.Equal("National broadband desk", Responsibilities.Find(entry.Id)!.Body.Name);
    }

    [Fact]
    public async Task Forget_removes_the_editor_from_the_entries_and_leaves_their_id_in_no_collection()
    {
        CheckAll();
        var person = new TestKit.FakeUser(Api, 770_000_654_321, "en");
        await person.OnboardAsync();
        var web = await Host.SignInAsCoordinatorAsync(person, "kalsnava");
        var own = Entry("kalsnava", null, "environment");
        var saved = await web.SubmitAsync($"/web/responsibilities/{own.Id}", new(KalsnavaForm("parvalde@kalsnava.test")) { ["checked"] = "on" }, action: "/web/responsibilities/save");
        Assert.Equal("/web/responsibilities?done=saved", saved.Headers.Location?.OriginalString);
        var reference = await ReportAsync(person, "Rubbish dumped in the forest behind the school");
        await Smtp.WaitAsync(s => s.Received.Count == 1);
        await Host.IdleAsync();
        Assert.Contains("responsibilities", Privacy.PersonalDataCoverageTests.CollectionsHolding(Host.Db, person.Id));

        person.Send("/forget");
        var ask = await person.ExpectAsync(e => e.HasButton("forget:no"));
        person.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await person.ExpectTextAsync("Your data has been erased");
        await Host.IdleAsync();

        Assert.Empty(Privacy.PersonalDataCoverageTests.CollectionsHolding(Host.Db, person.Id));
        Assert.Equal("parvalde@kalsnava.test", Responsibilities.Find(own.Id)!.Body.Email);
        Assert.Equal(DeliveryStates.Sent, Assert.Single(Deliveries.OfReport(StoredReport(reference).Id)).State);
    }

    private const long BotHostAdmin = TestKit.BotHost.AdminId;
}

public sealed class DeliveryOffTests : ResponsibilityTest
{
    protected override bool WithMail => false;

    [Fact]
    public async Task Without_mail_nothing_is_sent_nothing_is_lost_and_the_page_says_delivery_is_off()
    {
        CheckAll();
        var coordinator = await CoordinatorAsync();
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        user.Send("Rubbish dumped in the forest behind the school");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        var saved = await ConfirmAndSaveAsync(user);
        Assert.DoesNotContain("It also goes to", saved.Text);
        var reference = Reference(saved.Text!);
        await coordinator.ExpectTextAsync(reference);
        await Host.IdleAsync();

        Assert.Empty(Smtp.Received);
        var delivery = Assert.Single(Deliveries.OfReport(StoredReport(reference).Id));
        Assert.Equal(DeliveryStates.Off, delivery.State);
        var web = await Host.SignInAsync(Admin());
        Assert.Contains("E-mail delivery is off", await web.GetStringAsync("/web/responsibilities?lang=en"));
        Assert.Contains("not sent to Kalsnavas pagasta pārvalde: e-mail delivery is off", await web.GetStringAsync($"/web/reports/{StoredReport(reference).Id}?lang=en"));
    }
}
