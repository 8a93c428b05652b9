namespace VillageBot.Tests.Help;

public sealed class HelpTests : BotTest
{
    [Fact]
    public async Task Whoami_shows_the_id_an_operator_needs()
    {
        var user = await MemberAsync("en");
        user.Send("/whoami");
        var reply = await user.ExpectTextAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Role: resident", reply.Text);
    }
}
