using LiteDB;
using Microsoft.Extensions.Options;
using VillageBot.Features.Polls;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>A LiteDB file written by an earlier version is still read after its documents' ids changed type.</summary>
public sealed class LiteDbUpgradeTests
{
    [Fact]
    public void Group_poll_votes_stored_with_object_ids_are_read_voted_again_and_forgotten_after_the_upgrade()
    {
        var directory = BotHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var options = Options.Create(new StorageOptions { DataDirectory = directory });
        var old = ObjectId.NewObjectId();
        using (var earlier = new LiteDatabase(Path.Combine(directory, LiteDbStore.FileName)))
        {
            earlier.GetCollection("poll_group_votes").Insert(new BsonDocument
            {
                ["_id"] = old,
                ["TelegramPollId"] = "tp-1",
                ["PollId"] = 7,
                ["UserId"] = 5L,
                ["Choice"] = new BsonArray(new BsonValue(1)),
            });
        }

        for (var start = 0; start < 2; start++)
        {
            using var store = new LiteDbStore(options);
            var votes = store.Collection<GroupPollVote>("poll_group_votes");
            var vote = Assert.Single(votes.Find(v => v.UserId == 5));
            Assert.Equal(old.ToString(), vote.Id);
            Assert.Equal([1], vote.Choice);
        }

        using (var store = new LiteDbStore(options))
        {
            var votes = store.Collection<GroupPollVote>("poll_group_votes");
            var vote = votes.FindOne(v => v.TelegramPollId == "tp-1" && v.UserId == 5)!;
            vote.UserId = 0;
            Assert.True(votes.Update(vote));
            Assert.Empty(votes.Find(v => v.UserId == 5));
            Assert.Equal(1, votes.Count());
        }
    }
}
