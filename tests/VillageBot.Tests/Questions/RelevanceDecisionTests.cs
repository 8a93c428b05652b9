using VillageBot.Features.Questions;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Tests.Questions;

public sealed class RelevanceDecisionTests(AnswererFixture fixture) : IClassFixture<AnswererFixture>
{
    private static KnowledgeIndex Index => KnowledgeIndex.Load(Path.Combine(AppContext.BaseDirectory, "data", "knowledge"));

    [Fact]
    public void Framing_words_do_not_sink_a_question()
    {
        var plain = Index.Search("how to found an association", "en");
        var chatty = Index.Search("at our last meeting people argued a lot, so please tell me simply how to found an association", "en");

        Assert.True(RelevanceDecision.IsRelevant(chatty));
        Assert.Equal(plain.Best!.Passage.Article.Id, chatty.Best!.Passage.Article.Id);
    }

    [Theory]
    [InlineData("our shop shut in spring, the bus comes twice a week, the old folk sit at home and the young ones have moved to the city long ago. how do we found an association?", "biedriba")]

    // A definition drowned by the rest of a message is answered on its own.
    [InlineData("What's an energy community and could a hamlet of draughty wooden farmhouses ever manage one?", "energy-communities")]
    public void A_long_message_is_answered_through_its_asking_sentence_or_its_definition_when_the_context_drowns_it(string message, string article)
    {
        Assert.False(RelevanceDecision.IsRelevant(Index.Searches(message, "en").First().Result));
        var found = Index.Search(message, "en");

        Assert.True(found.Relevant);
        Assert.Equal(article, found.Best!.Passage.Article.Id);
    }

    [Fact]
    public void The_asking_sentences_of_a_message_are_those_with_a_question_mark_or_else_the_last()
    {
        Assert.Equal(["kā sākt?", "kas jādara?"], Sentences.Asking("mums nav kluba. kā sākt? kas jādara?"));
        Assert.Equal(["how do we start"], Sentences.Asking("Nobody comes to meetings.\nhow do we start"));
        Assert.Empty(Sentences.Asking("Cik biedrība saņēma 2023. gadā?"));
    }

    [Fact]
    public void The_definitions_a_message_asks_for_are_short_questions_of_their_own()
    {
        Assert.Equal(["What's an energy cooperative"], Sentences.DefinitionsAsked("What's an energy cooperative and could our street start one?"));
        Assert.Equal(["Kas ir LEADER"], Sentences.DefinitionsAsked("Kas īsti ir LEADER? Visi runā, neviens nepaskaidro."));
        Assert.Equal(["что такое социальный капитал"], Sentences.DefinitionsAsked("что такое социальный капитал простыми словами? зачем он деревне"));
        Assert.Equal(["ko nozīmē VRG"], Sentences.DefinitionsAsked("ko nozīmē VRG, un kas tur strādā?"));
        Assert.Equal(["what is social capital"], Sentences.DefinitionsAsked("social capital definition"));

        // A term quoted as heard, of two words or more ("smart" alone says too little).
        Assert.Equal(["what is energy community"], Sentences.DefinitionsAsked("The new neighbour keeps saying \"energy community\" at every turn. Should we care?"));
        Assert.Equal(["what is быть переменами"], Sentences.DefinitionsAsked("Старики говорят «быть переменами». Это про нас?"));
        Assert.Empty(Sentences.DefinitionsAsked("My gran says our village is \"smart\" now. Is it?"));

        // One's own affairs and long questions are not names to define.
        Assert.Empty(Sentences.DefinitionsAsked("My neighbour sued me. What are my chances?"));
        Assert.Empty(Sentences.DefinitionsAsked("kas ir mūsu pagastā jauns?"));
        Assert.Empty(Sentences.DefinitionsAsked("what is the best way to get the young people of our village to come to meetings at all"));
    }

    [Theory]
    [InlineData("Paskaidro vienkārši, kas ir sociālais kapitāls, man piektdien jāuzstājas biedrības sapulcē", "lv", "social-capital")]
    [InlineData("Kaimiņš visu laiku runā par viedajiem ciemiem un es neko nesaprotu, man ir 70 gadi. Kas ir viedais ciems?", "lv", "means-not-goal")]
    [InlineData("Back after years on the oil rigs in Aberdeen, and the whole parish keeps on about \"community development\". Could you put it simply, what's in it?", "en", "community-development")]
    public void What_is_asked_is_answered_through_the_story_around_it(string message, string lang, string article)
    {
        var found = Index.Search(message, lang);

        Assert.True(found.Relevant);
        Assert.Equal(article, found.Best!.Passage.Article.Id);
    }

    [Fact]
    public void A_definition_is_not_answered_alone_when_the_message_asks_for_a_local_fact() =>
        Assert.False(Index.Search("What's LEADER and until what date can our parish apply this year?", "en").Relevant);

    [Fact]
    public void A_question_for_a_local_date_or_price_is_less_probable_than_the_same_topic_asked_in_general()
    {
        var general = RelevanceDecision.Features(Index.Search("how do LEADER project applications work", "en"))!;
        var local = RelevanceDecision.Features(Index.Search("when is the LEADER application deadline in our parish this year and what does it cost", "en"))!;

        Assert.True(local.SpecificFact > 0);
        Assert.True(RelevanceDecision.Probability(local) < RelevanceDecision.Probability(general));
    }

    [Theory]
    [InlineData("When is the next board meeting of the association?", true)]
    [InlineData("Why was my application turned down?", true)]
    [InlineData("how much did the Vaive energy community get from the municipality", true)]
    [InlineData("kad bus nakama projektu karta", true)]
    [InlineData("cik punktus sanema musu projekts", true)]
    [InlineData("Почему отклонили проект нашего общества?", true)]
    [InlineData("Когда следующее заседание правления?", true)]
    [InlineData("What happens if our application is rejected?", false)]
    [InlineData("how do we prepare the next village meeting", false)]
    [InlineData("ko darīt, ja mūsu projektu noraida?", false)]
    [InlineData("кто оценивает заявки и как принимается решение?", false)]
    [InlineData("on what date does the council decide on our village plan?", true)]
    [InlineData("сколько семей у нас уже в энергетическом сообществе?", true)]
    [InlineData("what is the difference between a vision and a goal?", false)]
    [InlineData("у нас все ждут самоуправление, как начать самим?", false)]
    [InlineData("cik cilveku atnaca uz pedejo sapulci", true)]
    [InlineData("who spoke at the previous meeting of the board?", true)]
    [InlineData("at the last meeting people argued, how do we keep order?", false)]
    [InlineData("what should the minutes of the last meeting say?", false)]
    [InlineData("kad būs nākamā apmācība mūsu novadā?", true)]
    [InlineData("when is the next computer class at the library?", true)]
    [InlineData("did the LAG accept our village's application?", true)]
    [InlineData("cik cilvēku pašlaik ir mūsu biedrībā?", true)]
    [InlineData("what should a good computer class for seniors cover?", false)]
    [InlineData("how does a LAG choose which projects to fund?", false)]
    [InlineData("vai mācību projekts vēl turpinās un kad būs nākamā nodarbība?", true)]
    [InlineData("what should go into our village strategy and who should write it?", false)]
    [InlineData("When will my grant for the bakery be paid?", true)]
    [InlineData("kad man pārskaitīs manu atbalstu par projektu?", true)]
    [InlineData("When should I call my first association meeting?", false)]
    [InlineData("kad man jāsasauc mana biedrības sapulce?", false)]
    [InlineData("Is there a computer class at the library this week?", true)]
    [InlineData("Будет ли собрание жителей на этой неделе?", true)]
    [InlineData("Is a community meeting a good place to choose priorities?", false)]
    [InlineData("līdz kuram datumam jāiesniedz projekta pieteikums?", true)]
    [InlineData("Until when can a village apply?", true)]
    [InlineData("until the project ends, who keeps the accounts?", false)]
    [InlineData("When my application is rejected, what should I do next?", false)]
    [InlineData("Kad mans projekts ir apstiprināts, ko darīt tālāk?", false)]
    [InlineData("When I start my own association, where do I register it?", false)]
    [InlineData("When can I register my association?", false)]
    [InlineData("Когда моя организация должна сдавать отчёт?", false)]
    [InlineData("When was my January payment sent?", true)]
    [InlineData("Is it better to hold the first meeting this autumn or next spring?", false)]
    [InlineData("Vai labāk sapulci rīkot šoruden vai nākamgad?", false)]
    [InlineData("Until what age can young people join a youth council?", false)]
    [InlineData("Until when should an association keep its accounting documents?", false)]
    [InlineData("What does this term mean for our village?", false)]
    [InlineData("līdz kuram jāsamaksā biedra nauda mūsu biedrībā?", true)]
    [InlineData("до какого числа принимают заявки?", true)]
    public void A_decision_that_happened_or_the_date_of_the_next_meeting_is_a_local_fact_but_what_to_do_about_one_is_not(string question, bool local)
    {
        Assert.Equal(local, SpecificFactCues.AsksForALocalFact(question, unknownName: SpecificFactCues.Names(question).Contains("vaive")));
    }

    [Fact]
    public void A_question_matched_only_through_a_corrected_typo_is_not_relevant()
    {
        Assert.False(RelevanceDecision.IsRelevant(Index.Search("passport", "en")));
    }

    [Fact]
    public void A_russian_word_for_a_term_finds_the_latvian_only_article_through_the_term_map()
    {
        Assert.Contains("ES KLP tīkls", Index.Terms.Expand("Что такое сеть CAP?", "ru", "lv"));
    }

    [Fact]
    public async Task The_answer_comes_in_the_question_s_language_whatever_the_setting()
    {
        var answer = await fixture.Answerer.AnswerAsync("What is LEADER?", "ru");

        Assert.True(answer.Answered);
        Assert.Equal("en", answer.Sources[0].Lang);
        Assert.StartsWith("Вы спросили по-английски", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("am I entitled to a heating allowance this winter?", "en")]
    [InlineData("vai man pienākas kompensācija par malku?", "lv")]
    [InlineData("положена ли мне доплата к пенсии за стаж в колхозе?", "ru")]
    [InlineData("give me a recipe for rye bread for the village festival", "en")]
    [InlineData("Do you know Janis Berzins from Dundaga? does he still teach at the school?", "en")]
    [InlineData("vai musu biedriba jau iesniedza statutu grozijumus Uznemumu registram?", "lv")]
    [InlineData("наше энергетическое сообщество уже получило разрешение от сетей?", "ru")]
    [InlineData("how many volunteers does our association have right now?", "en")]
    [InlineData("сколько семей сейчас в нашем энергетическом сообществе?", "ru")]
    [InlineData("vai LAD jau pārskaitīja man naudu par projektu?", "lv")]
    [InlineData("can I get a refund of the LEADER co-financing I paid myself?", "en")]
    [InlineData("does our solar cooperative already sell power to the grid?", "en")]
    [InlineData("vai mūsu energokopiena jau saņēma atļauju no Sadales tīkla?", "lv")]
    public void A_private_matter_is_refused_whatever_words_it_shares_with_an_article(string question, string lang)
    {
        Assert.False(Index.Search(question, lang).Relevant);
    }

    [Theory]
    [InlineData("how do I log in to latvija.lv to declare my income?", "en")]
    [InlineData("kā mūsu biedrība var pieteikties LEADER naudai?", "lv")]
    [InlineData("what is the EU Action for Smart Villages?", "en")]
    [InlineData("Mūsu kaimiņi cits citam palīdz. Vai tas jau ir sociālais kapitāls?", "lv")]
    public void A_question_on_practice_naming_programmes_or_one_self_is_still_answered(string question, string lang)
    {
        Assert.True(Index.Search(question, lang).Relevant);
    }
}
