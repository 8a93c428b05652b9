using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.TestKit;
using VillageBot.Tests.Foundation;

namespace VillageBot.Tests.Hardening;

/// <summary>Every command and button, tried by a resident, a coordinator of the same village, one of another village and an admin.</summary>
public sealed class RoleMatrixTests : BotTest
{
    private static readonly string[] Refusals = ["Only a village coordinator or an admin can do this.", "Only an admin can do this."];

    [Fact]
    public async Task Every_command_is_refused_exactly_to_the_roles_below_its_access_level()
    {
        var (resident, coordinator, otherCoordinator, admin) = await PeopleAsync();
        var routes = Host.Services.GetRequiredService<RouteTable>().Commands.Values.OrderBy(r => r.Command).ToList();
        Assert.NotEmpty(routes);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (who, role) in new[] { (resident, 0), (coordinator, 1), (otherCoordinator, 1), (admin, 2) })
            {
                var needed = route.Access switch { Access.Coordinator => 1, Access.Admin => 2, _ => 0 };
                who.Skip();
                who.Send("/" + route.Command);
                var reply = await who.NextAsync();
                var refused = Refusals.Contains(reply.Text);
                if (refused != role < needed)
                {
                    failures.Add($"/{route.Command} ({route.Access}) as role {role}: {(refused ? "refused" : "allowed")}: {reply.Text}");
                }

                await Host.IdleAsync();
                who.Send("/cancel");
                await who.ExpectAsync(e => e.Text is not null && (e.Text.StartsWith("Cancelled", StringComparison.Ordinal) || e.Text.StartsWith("There is nothing", StringComparison.Ordinal)));
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_button_prefix_with_forged_arguments_is_refused_or_answered_and_never_fails()
    {
        var (resident, coordinator, _, admin) = await PeopleAsync();
        var routes = Host.Services.GetRequiredService<RouteTable>().Callbacks.Values.OrderBy(r => r.Prefix).ToList();
        foreach (var route in routes)
        {
            foreach (var (who, role) in new[] { (resident, 0), (coordinator, 1), (admin, 2) })
            {
                var needed = route.Access switch { Access.Coordinator => 1, Access.Admin => 2, _ => 0 };
                who.Skip();
                who.ClickData(1, $"{route.Prefix}:999999:forged");
                var answer = await who.ExpectAsync(e => e.Method == "answerCallbackQuery");
                if (role < needed)
                {
                    Assert.Contains(answer.Text, Refusals);
                }
                else
                {
                    Assert.DoesNotContain(answer.Text ?? "", Refusals);
                }
            }
        }
    }

    private async Task<(FakeUser Resident, FakeUser Coordinator, FakeUser OtherCoordinator, FakeUser Admin)> PeopleAsync()
    {
        var resident = await MemberAsync("en", "kalsnava");
        var coordinator = await MemberAsync("en", "kalsnava");
        var other = await MemberAsync("en", "skrunda");
        var admin = Admin();
        await admin.OnboardAsync("kalsnava");
        admin.Send($"/promote {coordinator.Id}");
        await admin.ExpectTextAsync("is now a coordinator");
        admin.Send($"/promote {other.Id}");
        await admin.ExpectTextAsync("is now a coordinator");
        await Host.IdleAsync();
        return (resident, coordinator, other, admin);
    }
}
