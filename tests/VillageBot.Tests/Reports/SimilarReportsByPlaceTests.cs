using VillageBot.TestKit;

namespace VillageBot.Tests.Reports;

/// <summary>"Is this the same problem?" weighs the place when both reports have a location.</summary>
public sealed class SimilarReportsByPlaceTests : ReportTest
{
    /// <summary>A place in Kalsnava.</summary>
    private const double Lat = 56.7051;
    private const double Lon = 25.8634;

    /// <summary>About 33 m north of <see cref="Lat"/>.</summary>
    private const double NearLat = 56.7054;

    /// <summary>About 5.5 km north.</summary>
    private const double FarLat = 56.7551;

    [Fact]
    public async Task A_report_at_the_same_place_in_other_words_is_offered_and_one_far_away_in_the_same_words_is_not()
    {
        var first = await ReportAtAsync(await MemberAsync("en"), "The lamp by the shop is out", Lat, Lon);

        Assert.True(await OffersAtAsync(await MemberAsync("en"), "Streetlight dark every evening", NearLat, Lon, first),
            "A report of the same category 33 m away was not offered as the same problem.");
        Assert.False(await OffersAtAsync(await MemberAsync("en"), "The lamp by the shop is out", FarLat, Lon, first),
            "A report 5 km away was offered as the same problem.");
        Assert.True(await OffersAtAsync(await MemberAsync("en"), "The lamp by the shop is out", null, null, first),
            "Without a location the words alone no longer found the same problem.");
        Assert.False(await OffersAtAsync(await MemberAsync("en"), "Streetlight dark every evening", null, null, first),
            "Without a location a report in other words was offered.");
    }

    [Fact]
    public async Task A_location_sent_after_the_words_offers_the_report_at_that_place_and_mine_is_different_goes_on()
    {
        var first = await ReportAtAsync(await MemberAsync("en"), "The lamp by the shop is out", Lat, Lon);
        var user = await MemberAsync("en");
        await StartReportAsync(user);
        user.Send("Streetlight dark every evening");
        await user.ExpectAsync(e => e.HasButton("rep:skip"));
        SendLocation(user, NearLat, Lon);
        await user.ExpectTextAsync("Location added");
        var offer = await user.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:skip"));
        Assert.True(offer.HasButton("rep:new"), "The report at the same place was not offered once the location came.");
        Assert.Contains(first, offer.Text);
        user.Click("rep:new");
        var ask = await user.ExpectAsync(e => e.HasButton("rep:skip"));
        Assert.Contains("photo", ask.Text);
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        var saved = await ConfirmAndSaveAsync(user);
        Assert.NotEqual(first, Reference(saved.Text!));
        Assert.Equal(NearLat, StoredReport(Reference(saved.Text!)).Latitude!.Value, 6);
    }

    /// <summary>/report → location first → words → "mine is different" if offered → skip the photo → saved.</summary>
    private async Task<string> ReportAtAsync(FakeUser user, string text, double lat, double lon)
    {
        Assert.False(await OffersAtAsync(user, text, lat, lon, null));
        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        return Reference((await ConfirmAndSaveAsync(user)).Text!);
    }

    /// <summary>Starts a report at the place (when given) with the words; true when <paramref name="reference"/> is offered as the same problem.</summary>
    private static async Task<bool> OffersAtAsync(FakeUser user, string text, double? lat, double? lon, string? reference)
    {
        await StartReportAsync(user);
        if (lat is double la && lon is double lo)
        {
            SendLocation(user, la, lo);
            await user.ExpectTextAsync("in words");
        }

        user.Send(text);
        var next = await user.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:skip"));
        return next.HasButton("rep:new") && (reference is null || next.Text!.Contains(reference, StringComparison.Ordinal));
    }
}

/// <summary>The distance that counts as the same place is a setting.</summary>
public sealed class SimilarReportsNearSettingTests : ReportTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Reports:Similar:NearMeters"] = "10" };

    [Fact]
    public async Task With_a_smaller_near_distance_a_report_33_m_away_in_other_words_is_not_offered()
    {
        var first = await MemberAsync("en");
        await StartReportAsync(first);
        SendLocation(first, 56.7051, 25.8634);
        await first.ExpectTextAsync("in words");
        first.Send("The lamp by the shop is out");
        await first.ExpectAsync(e => e.HasButton("rep:skip"));
        first.Click("rep:skip");
        await first.ExpectAsync(e => e.HasButton("rep:ok"));
        await ConfirmAndSaveAsync(first);

        var second = await MemberAsync("en");
        await StartReportAsync(second);
        SendLocation(second, 56.7054, 25.8634);
        await second.ExpectTextAsync("in words");
        second.Send("Streetlight dark every evening");
        var next = await second.ExpectAsync(e => e.HasButton("rep:new") || e.HasButton("rep:skip"));
        Assert.False(next.HasButton("rep:new"), "A report beyond Reports:Similar:NearMeters was offered for its place alone.");
    }
}
