using VillageBot.Infrastructure.Storage;
using System.Globalization;
using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Privacy;
using VillageBot.Infrastructure.Privacy;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;
using VillageBot.Tests.Broadcasts;
using VillageBot.Tests.Quizzes;
using static VillageBot.Tests.Polls.PollSteps;

namespace VillageBot.Tests.Privacy;

/// <summary>
/// Nobody can add a collection about people and forget /mydata and /forget: after a person has done everything the
/// bot offers, every LiteDB collection that holds their id must be covered by an <see cref="IPersonalData"/>.
/// </summary>
public sealed class PersonalDataCoverageTests : VillageTest
{
    /// <summary>Long and unlike any count, message id or date, so finding it in a document means it is this person.</summary>
    private const long PersonId = 770_000_123_456;

    [Fact]
    public async Task Every_collection_holding_a_person_is_covered_and_forget_leaves_their_id_nowhere()
    {
        var person = new FakeUser(Api, PersonId, "en");
        await person.OnboardAsync();
        Host.Db.MakeCoordinator(person.Id, "kalsnava");
        var neighbour = await MemberAsync("en");

        await CreatePollAsync(person, "Where should the bench go?", ["By the shop", "At the bus stop"]);
        var poll = await person.ExpectAsync(e => e.Method == "sendPoll" && e.Poll!.Question == "Where should the bench go?");
        person.Api.AnswerPoll(person.Id, poll.Poll!.Id, 1);

        person.Send("/broadcast");
        await person.ExpectAsync(e => e.HasButton("bc:k:text"));
        person.Click("bc:k:text");
        await person.ExpectTextAsync("Write the message");
        person.Send("The community house opens on Saturday.");
        await person.ExpectAsync(e => e.HasButton("bc:at:now"));
        person.Click("bc:at:now");
        await person.ExpectAsync(e => e.HasButton("bc:send"));
        person.Click("bc:send");
        await person.ExpectTextAsync("Sending finished");

        var question = await person.StartModuleAsync("smart-village-basics");
        person.Vote(question, question.Right());
        await person.NextQuestionAsync();

        Host.Db.AddReport("kalsnava", "transport", "Pothole by the school", reporter: person.Id);
        Host.Db.AddReport("kalsnava", "safety", "Dark crossing", reporter: neighbour.Id, fill: r => r.Supporters = [person.Id]);
        await person.WebLinkAsync();
        await Host.IdleAsync();

        var sections = Host.Services.GetServices<IPersonalData>().ToList();
        var covered = sections.SelectMany(s => s.Collections).Concat(PersonErasure.OwnCollections).ToHashSet();
        var holding = CollectionsHolding(Host.Db, PersonId);
        Assert.Contains("poll_messages", holding);
        Assert.Contains("deliveries", holding);
        Assert.Empty(holding.Except(covered));

        person.Send("/mydata");
        var file = await person.ExpectAsync(e => e.Method == "sendDocument");
        var export = JsonDocument.Parse(file.File!).RootElement.GetProperty("sections");
        Assert.Equal("At the bus stop", export.GetProperty("polls").GetProperty("received")[0].GetProperty("answers")[0].GetString());
        Assert.Equal("Where should the bench go?", export.GetProperty("polls").GetProperty("created")[0].GetProperty("question").GetString());
        var broadcasts = export.GetProperty("broadcasts");
        Assert.Contains("The community house opens on Saturday.", broadcasts.GetProperty("requested").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        Assert.Contains("The community house opens on Saturday.", broadcasts.GetProperty("received").EnumerateArray().Where(b => b.GetProperty("state").GetString() == "Sent").Select(b => b.GetProperty("text").GetString()));

        person.Send("/forget");
        var ask = await person.ExpectAsync(e => e.HasButton("forget:no"));
        person.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await person.ExpectTextAsync("Your data has been erased");
        await Host.IdleAsync();

        Assert.Empty(CollectionsHolding(Host.Db, PersonId));
        var votes = Host.Db.Collection<Features.Polls.PollMessage>("poll_messages").FindAll().Where(m => m.Choice.Count > 0).ToList();
        Assert.Equal([1], Assert.Single(votes).Choice);
    }

    /// <summary>Names of the collections with a document that has the id in any field, as a number or inside text.</summary>
    internal static List<string> CollectionsHolding(IDocumentStore store, long id)
    {
        var text = id.ToString(CultureInfo.InvariantCulture);
        if (store is not LiteDbStore lite)
        {
            return PostgreSqlCollectionsHolding(store, id, text);
        }

        return lite.Raw(db => db.GetCollectionNames().Where(name => db.GetCollection(name).FindAll().Any(d => Holds(d, id, text))).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The same on PostgreSQL: every table of the documents' schema, its id column and its jsonb read as JSON.</summary>
    private static List<string> PostgreSqlCollectionsHolding(IDocumentStore store, long id, string text)
    {
        using var db = new Npgsql.NpgsqlConnection(((PostgreSqlStore)store).ConnectionString);
        db.Open();
        var tables = new List<string>();
        using (var list = new Npgsql.NpgsqlCommand($"SELECT table_name FROM information_schema.tables WHERE table_schema = '{PostgreSqlStore.Schema}'", db))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        return [.. tables.Where(table =>
        {
            using var rows = new Npgsql.NpgsqlCommand($"SELECT json_build_array(id, data)::text FROM {PostgreSqlStore.Schema}.\"{table}\"", db);
            using var reader = rows.ExecuteReader();
            var found = false;
            while (!found && reader.Read())
            {
                using var row = System.Text.Json.JsonDocument.Parse(reader.GetString(0));
                found = Holds(row.RootElement, id, text);
            }

            return found;
        }).Order(StringComparer.Ordinal)];
    }

    private static bool Holds(System.Text.Json.JsonElement value, long id, string text) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Number => value.GetDouble() == id,
        System.Text.Json.JsonValueKind.String => value.GetString()!.Contains(text, StringComparison.Ordinal),
        System.Text.Json.JsonValueKind.Object => value.EnumerateObject().Any(p => Holds(p.Value, id, text)),
        System.Text.Json.JsonValueKind.Array => value.EnumerateArray().Any(v => Holds(v, id, text)),
        _ => false,
    };

    private static bool Holds(BsonValue value, long id, string text) => value.Type switch
    {
        BsonType.Int32 or BsonType.Int64 => value.AsInt64 == id,
        BsonType.Double or BsonType.Decimal => value.AsDouble == id,
        BsonType.String => value.AsString.Contains(text, StringComparison.Ordinal),
        BsonType.Document => value.AsDocument.Values.Any(v => Holds(v, id, text)),
        BsonType.Array => value.AsArray.Any(v => Holds(v, id, text)),
        _ => false,
    };
}
