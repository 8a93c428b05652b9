using VillageBot.Features.FreeText;

namespace VillageBot.Tests.FreeText;

public sealed class IntentDetectorTests
{
    [Theory]
    [InlineData("kas ir socialais kapitals")]
    [InlineData("Kā nodibināt biedrību?")]
    [InlineData("ka uzrakstit projekta pieteikumu")]
    [InlineData("What is LEADER?")]
    [InlineData("how do we start an energy community")]
    [InlineData("Что такое умная деревня?")]
    [InlineData("расскажи про местные группы действий")]
    public void Questions_read_as_questions(string text) => Assert.Equal(Intent.Question, IntentDetector.Detect(text));

    [Theory]
    [InlineData("atkal nav elektribas visa ciema")]
    [InlineData("Uz Skolas ielas ir milzīga bedre")]
    [InlineData("the school bus is broken again")]
    [InlineData("у нас опять нет воды")]
    [InlineData("pie mums neiet internets")]
    public void Problems_read_as_problems(string text) => Assert.Equal(Intent.Problem, IntentDetector.Detect(text));

    [Theory]
    [InlineData("Kāpēc pie mums nav interneta?")]
    [InlineData("labdien")]
    [InlineData("Kalsnavas tautas nams")]
    public void Mixed_or_unclear_text_is_unsure(string text) => Assert.Equal(Intent.Unsure, IntentDetector.Detect(text));
}
