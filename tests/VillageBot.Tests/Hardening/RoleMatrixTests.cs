using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.TestKit;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.Hardening;

/// <summary>
/// Every command and button, tried by a resident, a coordinator of the same village, one of another village and an
/// admin. A coordinator of another village passes the access level but must not reach this village's things.
/// </summary>
public sealed class RoleMatrixTests : ReportTest
{
    private const string NotYourVillage = "That belongs to another village; you cannot manage it.";
    private const string ReportText = "Pothole on the road by the school, about a metre wide";

    private static readonly string[] Refusals = ["Only a village coordinator or an admin can do this.", "Only an admin can do this."];

    private enum Role
    {
        Resident,
        Coordinator,
        OtherVillageCoordinator,
        Admin,
    }

    [Fact]
    public async Task Every_command_is_refused_exactly_to_the_roles_below_its_access_level()
    {
        var people = await PeopleAsync();
        var routes = Host.Services.GetRequiredService<RouteTable>().Commands.Values.OrderBy(r => r.Command).ToList();
        Assert.NotEmpty(routes);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (role, who) in people.All)
            {
                await who.SkipAsync();
                who.Send("/" + route.Command);
                var reply = await who.NextAsync();
                var refused = Refusals.Contains(reply.Text);
                if (refused != Level(role) < Needed(route.Access))
                {
                    failures.Add($"/{route.Command} ({route.Access}) as {role}: {(refused ? "refused" : "allowed")}: {reply.Text}");
                }

                await Host.IdleAsync();
                who.Send("/cancel");
                await who.ExpectAsync(e => e.Text is not null && (e.Text.StartsWith("Cancelled", StringComparison.Ordinal) || e.Text.StartsWith("There is nothing", StringComparison.Ordinal)));
            }
        }

        Assert.Empty(failures);

        // The same commands show this village's report to its own coordinator and never to another village's.
        Assert.Contains(Api.Events(people.Coordinator.Id), e => e.Text?.Contains(people.Reference, StringComparison.Ordinal) == true);
        AssertNeverShown(people);
    }

    [Fact]
    public async Task Every_button_prefix_with_forged_arguments_is_refused_or_answered_and_never_fails()
    {
        var people = await PeopleAsync();
        var reportId = StoredReport(people.Reference).Id.ToString(CultureInfo.InvariantCulture);
        var routes = Host.Services.GetRequiredService<RouteTable>().Callbacks.Values.OrderBy(r => r.Prefix).ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (role, who) in people.All)
            {
                // The first argument is a real report of the first village, so a handler that takes a report id
                // meets one that only that village's coordinator (and an admin) may manage.
                await who.SkipAsync();
                who.ClickData(1, $"{route.Prefix}:{reportId}:{ReportStatus.InProgress}");
                var answer = (await who.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text ?? "";
                var refused = Refusals.Contains(answer);
                if (refused != Level(role) < Needed(route.Access))
                {
                    failures.Add($"{route.Prefix} ({route.Access}) as {role}: {(refused ? "refused" : "allowed")}: {answer}");
                }

                if (answer == NotYourVillage && role != Role.OtherVillageCoordinator)
                {
                    failures.Add($"{route.Prefix} as {role}: told it belongs to another village");
                }

                await Host.IdleAsync();
                who.Send("/cancel");
                await who.ExpectAsync(e => e.Text is not null && (e.Text.StartsWith("Cancelled", StringComparison.Ordinal) || e.Text.StartsWith("There is nothing", StringComparison.Ordinal)));
            }
        }

        Assert.Empty(failures);

        // A status change of this village's report: its coordinator is asked for the note, the other is turned away.
        var own = people.Coordinator;
        await own.SkipAsync();
        own.ClickData(1, $"rst:{reportId}:{ReportStatus.InProgress}");
        Assert.DoesNotContain((await own.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text ?? "", (string[])[.. Refusals, NotYourVillage]);
        var other = people.OtherVillageCoordinator;
        await other.SkipAsync();
        other.ClickData(1, $"rst:{reportId}:{ReportStatus.InProgress}");
        Assert.Equal(NotYourVillage, (await other.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        AssertNeverShown(people);
    }

    private static int Level(Role role) => role switch
    {
        Role.Resident => 0,
        Role.Coordinator or Role.OtherVillageCoordinator => 1,
        _ => 2,
    };

    private static int Needed(Access access) => access switch { Access.Coordinator => 1, Access.Admin => 2, _ => 0 };

    /// <summary>Nothing of the first village's report ever reaches the coordinator of the second village.</summary>
    private void AssertNeverShown(People people) =>
        Assert.DoesNotContain(Api.Events(people.OtherVillageCoordinator.Id), e =>
            e.Text?.Contains(people.Reference, StringComparison.Ordinal) == true || e.Text?.Contains("Pothole", StringComparison.Ordinal) == true);

    private async Task<People> PeopleAsync()
    {
        var admin = Admin();
        await admin.OnboardAsync("kalsnava");
        var resident = await MemberAsync("en", "kalsnava");
        var coordinator = await CoordinatorAsync("kalsnava");
        var other = await CoordinatorAsync("skrunda");
        var reference = await ReportAsync(resident, ReportText);
        await Host.IdleAsync();
        return new People(resident, coordinator, other, admin, reference);
    }

    private sealed record People(FakeUser Resident, FakeUser Coordinator, FakeUser OtherVillageCoordinator, FakeUser Admin, string Reference)
    {
        public IEnumerable<(Role, FakeUser)> All =>
            [(Role.Resident, Resident), (Role.Coordinator, Coordinator), (Role.OtherVillageCoordinator, OtherVillageCoordinator), (Role.Admin, Admin)];
    }
}
