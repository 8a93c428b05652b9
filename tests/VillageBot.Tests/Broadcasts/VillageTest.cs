using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VillageBot.Conversation;
using VillageBot.TestKit;

namespace VillageBot.Tests.Broadcasts;

/// <summary>Bot tests with coordinators and residents of villages, optionally on a clock the test moves.</summary>
public abstract class VillageTest : BotTest
{
    /// <summary>Monday 2 June 2025, 09:00 UTC = 12:00 in Riga.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static long _nextResident = 5_000_000;

    /// <summary>Null unless the test class sets <see cref="UsesFakeClock"/>.</summary>
    protected FakeTimeProvider? Clock { get; private set; }

    protected virtual bool UsesFakeClock => false;

    protected override Action<IServiceCollection>? Configure => UsesFakeClock
        ? services =>
        {
            Clock ??= new FakeTimeProvider(Start);
            services.AddSingleton<TimeProvider>(Clock);
        }
        : null;

    protected int VillageId(string code) => Host.Db.Villages.FindOne(v => v.Code == code)!.Id;

    protected async Task<FakeUser> CoordinatorAsync(string lang = "en", string village = "kalsnava")
    {
        var user = await MemberAsync(lang, village);
        var resident = Host.Db.Residents.FindById(user.Id)!;
        resident.CoordinatorOf.Add(VillageId(village));
        Host.Db.Residents.Update(resident);
        return user;
    }

    /// <summary>Members written straight into the database (faster than onboarding each through the chat).</summary>
    protected IReadOnlyList<FakeUser> AddResidents(int count, string village = "kalsnava", string lang = "lv")
    {
        var villageId = VillageId(village);
        var users = new List<FakeUser>();
        var now = (Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow).UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _nextResident);
            Host.Db.Residents.Insert(new Resident
            {
                Id = id, ChatId = id, FirstName = $"Resident{id}", Lang = lang, LangChosen = true, VillageId = villageId,
                PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
            });
            users.Add(new FakeUser(Api, id, lang));
        }

        return users;
    }

    /// <summary>Moves the fake clock; Hangfire's schedulers notice within their polling interval (100 ms in tests).</summary>
    protected void Advance(TimeSpan by) => Clock!.Advance(by);
}
