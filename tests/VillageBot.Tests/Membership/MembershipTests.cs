namespace VillageBot.Tests.Membership;

public sealed class MembershipTests : BotTest
{
    [Fact]
    public async Task Admin_adds_a_village_and_residents_can_join_it_by_code()
    {
        var admin = await AdminMemberAsync();
        admin.Send("/addvillage jaunpils Jaunpils");
        var done = await admin.ExpectTextAsync("Added the village Jaunpils");
        Assert.Contains("https://t.me/village_test_bot?start=jaunpils", done.Text);

        var user = NewUser("en");
        await user.OnboardAsync("jaunpils");
        var village = Host.Db.Villages.FindOne(v => v.Code == "jaunpils")!;
        Assert.Equal(village.Id, Host.Db.Residents.FindById(user.Id)!.VillageId);
    }

    [Theory]
    [InlineData("/addvillage")]
    [InlineData("/addvillage x Name")]
    [InlineData("/addvillage bad/code Name")]
    public async Task Bad_addvillage_arguments_get_usage_and_add_nothing(string command)
    {
        var admin = await AdminMemberAsync();
        var count = Host.Db.Villages.Count();
        admin.Send(command);
        await admin.ExpectTextAsync("Usage: /addvillage code Name");
        Assert.Equal(count, Host.Db.Villages.Count());
    }

    [Fact]
    public async Task Duplicate_village_code_is_refused()
    {
        var admin = await AdminMemberAsync();
        admin.Send("/addvillage kalsnava Kalsnava Two");
        await admin.ExpectTextAsync("already exists");
    }

    [Fact]
    public async Task Promote_and_demote_a_coordinator_who_is_told_in_their_language()
    {
        var admin = await AdminMemberAsync();
        var person = await MemberAsync("ru", "skrunda");
        admin.Send($"/promote {person.Id}");
        await admin.ExpectTextAsync("is now a coordinator of Skrunda");
        await person.ExpectTextAsync("Вы назначены координатором деревни Skrunda");
        var skrunda = Host.Db.Villages.FindOne(v => v.Code == "skrunda")!;
        Assert.Equal([skrunda.Id], Host.Db.Residents.FindById(person.Id)!.CoordinatorOf);

        person.Send("/help");
        await person.ExpectTextAsync("Для координаторов");

        admin.Send($"/demote @person{person.Id} skrunda");
        await admin.ExpectTextAsync("no longer coordinates Skrunda");
        await person.ExpectTextAsync("Вы больше не координатор");
        Assert.Empty(Host.Db.Residents.FindById(person.Id)!.CoordinatorOf);
    }

    [Fact]
    public async Task Promoting_an_unknown_person_or_village_changes_nothing()
    {
        var admin = await AdminMemberAsync();
        admin.Send("/promote 424242 kalsnava");
        await admin.ExpectTextAsync("could not find the person");
        var person = await MemberAsync("en");
        admin.Send($"/promote {person.Id} atlantis");
        await admin.ExpectTextAsync("No village has the code");
        Assert.Empty(Host.Db.Residents.FindById(person.Id)!.CoordinatorOf);
    }

    private async Task<VillageBot.TestKit.FakeUser> AdminMemberAsync()
    {
        var admin = Admin();
        await admin.OnboardAsync("kalsnava");
        return admin;
    }
}
