using VillageBot.Features.FreeText;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Tests.FreeText;

/// <summary>The trained intent model on lines written for these tests only (in no training file and in no evaluation set).</summary>
public sealed class IntentModelTests
{
    private static readonly Lazy<IntentModel> Model = new(() => IntentModelStore.Train(IntentTrainingSet.Load(Path.Combine(AppContext.BaseDirectory, "data"))));

    private static readonly Lazy<KnowledgeEvidence> Evidence = new(() =>
        new KnowledgeEvidence(KnowledgeIndex.Load(Path.Combine(AppContext.BaseDirectory, "data", "knowledge")), new IntentOptions().KnowledgeBoost));

    private static Intent Read(string text) => IntentDetector.Decide(Model.Value.Predict(text), new IntentOptions().UnsureBelow).Intent;

    [Theory]
    [InlineData("kā mūsu biedrība var pieteikties LEADER naudai?")]
    [InlineData("ko nozime vietejas ricibas grupa")]
    [InlineData("How does an energy community share the power it makes?")]
    [InlineData("What should we put in the statutes of a new association?")]
    [InlineData("Как составить стратегию для нашей деревни?")]
    public void Questions_read_as_questions(string text) => Assert.Equal(Intent.Question, Read(text));

    [Theory]
    [InlineData("Uz Ābeļu ielas trešo vakaru nedeg laternas")]
    [InlineData("uz abelu ielas treso vakaru nedeg laternas")]
    [InlineData("Kāpēc pie skolas atkal nedeg lampas?")]
    [InlineData("The streetlight outside the post office has been dark since Friday")]
    [InlineData("На улице у почты уже неделю не горит фонарь")]
    public void Problems_read_as_problems_even_with_a_question_mark(string text) => Assert.Equal(Intent.Problem, Read(text));

    [Theory]
    [InlineData("kopienas dārzs kā sākt", 1)]
    [InlineData("village hall rent how much", 1)]
    [InlineData("LEADER kas tas", 1)]
    [InlineData("pie skolas lampa, kas nedeg", 0)]
    [InlineData("the lamp by the school is out", 0)]
    public void A_question_word_closing_a_typed_topic_is_a_cue(string text, float cue) => Assert.Equal(cue, IntentFeatures.Of(text).Cues[^1]);

    [Theory]
    [InlineData("cikos strada veikals pagasta centra", true)]
    [InlineData("во сколько открывается аптека в субботу", true)]
    [InlineData("до скольки работает почта", true)]
    [InlineData("līdz cikiem strādā bibliotēka", true)]
    [InlineData("did the council approve the playground", true)]
    [InlineData("во дворе третий день не вывозят мусор", false)]
    [InlineData("līdz skolai nav apgaismojuma", false)]
    [InlineData("о чём говорили на встрече с лектором", true)]
    [InlineData("par ko bija otrā prezentācija", true)]
    [InlineData("о канаве у дороги никто не думает", false)]
    public void A_question_word_after_a_preposition_or_an_auxiliary_asks(string text, bool asks) => Assert.Equal(asks, IntentFeatures.Asks(text));

    [Fact]
    public void A_question_word_with_an_apostrophe_asks() => Assert.True(IntentFeatures.Asks("what's the number of the ferry office in Ventspils"));

    [Theory]
    [InlineData("paldies!")]
    [InlineData("Labdien 🙂")]
    [InlineData("thanks a bunch")]
    [InlineData("спасибо большое!")]
    public void Small_talk_reads_as_chitchat(string text) => Assert.Equal(Intent.Chitchat, Read(text));

    [Theory]
    [InlineData("Our hall stands empty all winter. How could more residents use it?")]
    [InlineData("Mūsu biedrībā visu dara divi cilvēki, pārējie tikai kritizē. Kā iesaistīt vairāk biedru biedrības darbā?")]
    [InlineData("Сколько стоит билет на поезд до Резекне?")]
    public void Context_first_and_off_topic_questions_read_as_questions(string text) => Assert.Equal(Intent.Question, Read(text));

    [Theory]
    [InlineData("The neighbours keep arguing about the money. What is the LEADER programme and how does it help villages?", true)]
    [InlineData("Kas ir LEADER programma?", true)]
    [InlineData("The bin by the bus stop has not been emptied for two weeks", false)]
    [InlineData("Kur var nopirkt lētu benzīnu?", false)]
    public void The_knowledge_base_supports_texts_that_ask_what_it_covers(string text, bool supported) =>
        Assert.Equal(supported, Evidence.Value.Supports(text));

    [Fact]
    public void Knowledge_evidence_raises_a_question_but_leaves_small_talk_and_unsupported_texts()
    {
        var asked = "Kas ir LEADER programma?";
        Assert.Equal(Intent.Question, IntentDetector.Decide(Evidence.Value.Weigh([0.2f, 0.75f, 0.05f], asked), 0.55).Intent);
        Assert.Equal([0.1f, 0.2f, 0.7f], Evidence.Value.Weigh([0.1f, 0.2f, 0.7f], asked));
        Assert.Equal([0.2f, 0.75f, 0.05f], Evidence.Value.Weigh([0.2f, 0.75f, 0.05f], "The bin by the bus stop was emptied on Monday"));
    }

    [Theory]
    [InlineData("The bin by the bus stop has not been emptied")]
    [InlineData("ielu apgaismojums nedeg")]
    [InlineData("в деревне опять нет воды")]
    [InlineData("the post office closed")]
    public void A_statement_that_something_is_missing_or_closed_raises_the_problem_and_takes_no_article_s_support(string text)
    {
        var weighed = Evidence.Value.Weigh([0.5f, 0.4f, 0.1f], text);

        Assert.Equal(KnowledgeEvidence.ComplaintBoost, weighed[1] / weighed[0] / (0.4 / 0.5), 3);
    }

    [Theory]
    [InlineData("man sāp kakls jau trīs dienas, kādas zāles dzert?")]
    [InlineData("I've had a cough for two weeks, which medicine helps?")]
    [InlineData("bus to Gulbene on Saturday?")]
    [InlineData("автобус до Балви завтра утром")]
    public void A_question_on_one_s_health_or_a_ride_on_a_day_is_an_everyday_question_however_long_it_hurts(string text)
    {
        var weighed = Evidence.Value.Weigh([0.3f, 0.6f, 0.1f], text);

        Assert.Equal(KnowledgeEvidence.EverydayBoost, weighed[0] / weighed[1] / (0.3 / 0.6), 3);
    }

    [Theory]
    [InlineData("autobuss šorīt atkal neatbrauca")]
    [InlineData("the morning bus did not come again today")]
    [InlineData("why is there no bus on Sundays any more?")]
    [InlineData("bus was late on Monday morning")]
    [InlineData("The bin by the bus stop was emptied on Monday")]
    public void A_bus_that_does_not_come_is_no_ride_asked_for(string text) => Assert.False(EverydayMatters.AsksForARide(text));

    [Theory]
    [InlineData("you don't understand me")]
    [InlineData("ne, paldies")]
    [InlineData("what is not a smart village?")]
    public void Remarks_to_the_bot_short_replies_and_questions_are_no_statement_of_a_lack(string text) =>
        Assert.False(IntentFeatures.StatesALack(text));

    [Theory]
    [InlineData("Kad atiet pēdējais autobuss no Viesītes uz Jēkabpili?")]
    [InlineData("cikos sestdien strada pagasta biblioteka?")]
    [InlineData("How much did the Vaive youth club get from the council?")]
    [InlineData("Во сколько закрывается почта в Виляке в пятницу?")]
    public void A_question_for_a_local_fact_raises_the_question_a_little(string text)
    {
        var weighed = Evidence.Value.Weigh([0.3f, 0.6f, 0.1f], text);

        Assert.Equal(KnowledgeEvidence.LocalFactBoost, weighed[0] / weighed[1] / (0.3 / 0.6), 3);
    }

        [Theory]
    [InlineData("biezpiena plāceņu recepte", true)]
    [InlineData("kāda būs laika prognoze Saldū svētdien?", true)]
    [InlineData("can I sue the seller if the fridge broke after a week?", true)]
    [InlineData("как выбрать сорт малины для песчаной почвы?", true)]
    [InlineData("malkas cena pieaugusi divreiz, pensionāri nevar samaksāt", false)]
    [InlineData("почему врач принимает только по четвергам?", false)]
    [InlineData("the pensioners' club has closed", false)]
    public void An_everyday_matter_is_asked_about_by_form_or_by_a_request_noun(string text, bool asks) => Assert.Equal(asks, EverydayMatters.Asks(text));

    [Fact]
    public void An_everyday_question_without_an_article_raises_the_question()
    {
        var weighed = Evidence.Value.Weigh([0.3f, 0.6f, 0.1f], "kā iecept ābolu pīrāgu bez olām?");

        Assert.Equal(KnowledgeEvidence.EverydayBoost, weighed[0] / weighed[1] / (0.3 / 0.6), 3);
    }

    [Fact]
    public void A_project_concept_is_a_stem_of_the_articles_that_no_report_uses()
    {
        var article = new KnowledgeArticle("a", "Stratēģija un vīzija", "lv", ["sociālais kapitāls"], "", [new KnowledgeSection("Ceļi un skola", "…")], "a.md");
        var concepts = ProjectConcepts.From([article], [new("Ceļš uz skolu ir pilns ar bedrēm", "transport", "lv")]);

        Assert.True(concepts.Named("kapec musu strategija ir tikai par svetkiem?"));
        Assert.True(concepts.Named("vai sociālais kapitāls tiešām svarīgāks par naudu?"));
        Assert.False(concepts.Named("kad salabos ceļu uz skolu?"));
    }

    [Fact]
    public void Below_the_threshold_the_answer_is_unsure()
    {
        var reading = IntentDetector.Decide([0.45f, 0.40f, 0.15f], 0.55);
        Assert.Equal((Intent.Unsure, 0.45), (reading.Intent, Math.Round(reading.Confidence, 2)));
        Assert.Equal(Intent.Question, IntentDetector.Decide([0.6f, 0.3f, 0.1f], 0.55).Intent);
    }

    [Theory]
    [InlineData("problēma", Intent.Problem)]
    [InlineData("tas ir jautājums", Intent.Question)]
    [InlineData("вопрос", Intent.Question)]
    [InlineData("it's a problem", Intent.Problem)]
    [InlineData("the light is broken, a problem for the whole street", Intent.Unsure)]
    public void A_typed_choice_is_recognised_only_when_it_says_little_else(string text, Intent expected) => Assert.Equal(expected, FreeTextChoice.Of(text));

    [Theory]
    [InlineData("kad beidzot salabos tiltu pie dzirnavām?")]
    [InlineData("Kāpēc pie pasta joprojām nav soliņa?")]
    [InlineData("почему у клуба до сих пор не вывезли мусор?")]
    [InlineData("когда наконец починят водокачку на хуторе?")]
    [InlineData("when will someone fix the fence by the pond?")]
    [InlineData("the pump by the church has been broken for years, is that normal?")]
    [InlineData("pie veikala jau trīs nedēļas stāv izgāzts koks")]
    [InlineData("Kāpēc pie mums joprojām nedeg lampas?")]
    [InlineData("why is our road still full of potholes?")]
    [InlineData("Почему у нас до сих пор нет воды?")]
    [InlineData("why is the bus to town so late every single morning?")]
    [InlineData("kur palika soliņi pie dīķa?")]
    [InlineData("куда делись урны с автобусной остановки?")]
    [InlineData("The lamp by the shop has been out for a week, is it normal?")]
    [InlineData("Autobuss vairs nepiestāj pie skolas. Kāpēc tā?")]
    [InlineData("Врача в амбулатории опять нет. Почему?")]
    [InlineData("Pie dīķa kāds izgāza būvgružus. Vai tas vispār ir atļauts?")]
    [InlineData("Someone dumped old tyres behind the church. Is that even allowed?")]
    [InlineData("Клуб закрыли, даже не спросив жителей. Разве так можно?")]
    [InlineData("Pasts atkal ciet visu nedēļu, kas par bardaku")]
    public void A_complaint_in_a_question_form_raises_the_odds_of_a_problem(string text)
    {
        Assert.True(IntentFeatures.Complains(text));
        var weighed = Evidence.Value.Weigh([0.5f, 0.4f, 0.1f], text);

        Assert.True(weighed[1] > weighed[0]);
        Assert.Equal(KnowledgeEvidence.ComplaintBoost, weighed[1] / weighed[0] / (0.4 / 0.5), 3);
    }

    [Theory]
    [InlineData("why do villages need a vision?")]
    [InlineData("когда была запущена программа LEADER?")]
    [InlineData("kas jādara, lai nodibinātu biedrību?")]
    [InlineData("I can't come to the meeting on Friday. Why?")]
    public void A_question_on_practice_is_no_complaint(string text) => Assert.False(IntentFeatures.Complains(text));

    [Theory]
    [InlineData("Ūdens sūknis pie kultūras nama tek katru nedēļu. Kam par to ziņot?")]
    [InlineData("bedre pie skolas, kam zinot?")]
    [InlineData("The bridge railing on the mill road is bent outwards. Who do we report this to?")]
    [InlineData("who will fix the bench at the bus stop?")]
    [InlineData("Our well water turned brown last month. Is anything being done about it?")]
    [InlineData("Фонарь у остановки не горит уже месяц. Кому сообщить?")]
    [InlineData("Мусор у клуба лежит вторую неделю, куда жаловаться?")]
    [InlineData("A tree fell across the forest road last night. Who do we call?")]
    [InlineData("На нашей улице пропал свет. Кому звонить?")]
    [InlineData("Rotaļu laukumā šūpoles salauztas jau mēnesi. Kurš par to atbild?")]
    [InlineData("The old shed by the school is about to collapse. Who will take down what is left?")]
    [InlineData("Остановку у магазина убрали. Кто может помочь вернуть её?")]
    [InlineData("Atkritumu konteinerus vairs neizved, smird visa iela. Kur lai vēršas?")]
    [InlineData("Скамейки в парке сломаны. Куда обращаться?")]
    [InlineData("Ciema veikals slēgts kopš pavasara. Kur tagad pirkt maizi?")]
    [InlineData("Почту закрыли, куда теперь ходить за пенсией?")]
    [InlineData("The clinic closed last month, where do we see a doctor now?")]
    public void A_problem_with_whom_to_tell_asked_raises_the_odds_of_a_problem_whatever_the_articles_say(string text)
    {
        Assert.True(IntentFeatures.AsksWhomToTell(text));
        var weighed = Evidence.Value.Weigh([0.8f, 0.15f, 0.05f], text);

        Assert.Equal(KnowledgeEvidence.TellBoost, weighed[1] / weighed[0] / (0.15 / 0.8), 3);
    }

    [Theory]
    [InlineData("kam jāziņo par biedrības valdes maiņu?")]
    [InlineData("kur vērsties, lai nodibinātu biedrību?")]
    [InlineData("Who can apply for LEADER funding?")]
    [InlineData("who should we invite to the first community meeting?")]
    [InlineData("к кому обратиться, чтобы создать энергетическое сообщество?")]
    [InlineData("who should we call to help us write a LEADER application?")]
    [InlineData("We just moved here. Where can I charge my phone?")]
    [InlineData("Mums ir ideja par kopienas dārzu. Kur lai vēršas?")]
    [InlineData("Kas atbild par ciema attīstības stratēģiju?")]
    [InlineData("We have a new hall now. Where can we put the notice board?")]
    public void Asking_whom_to_turn_to_for_a_purpose_is_no_report(string text) => Assert.False(IntentFeatures.AsksWhomToTell(text));

    [Theory]
    [InlineData("Pie veikala jau divas nedēļas nav izvests atkritumu konteiners. Ko mums darīt?", "Pie veikala jau divas nedēļas nav izvests atkritumu konteiners.")]
    [InlineData("pie veikala jau divas nedelas nav izvests atkritumu konteiners. ko mums darit?", "pie veikala jau divas nedelas nav izvests atkritumu konteiners.")]
    [InlineData("The footbridge over the ditch has rotted through, how do we get that fixed?", "The footbridge over the ditch has rotted through")]
    [InlineData("Возле клуба третью неделю разбит фонарь. Кому писать?", "Возле клуба третью неделю разбит фонарь.")]
    [InlineData("Rotaļu laukumā salauztas šūpoles. Kā lai to atjauno?", "Rotaļu laukumā salauztas šūpoles.")]
    [InlineData("The well by the church dried up in July. Is anything going to be done?", "The well by the church dried up in July.")]
    [InlineData("Kā nodibināt biedrību?", null)]
    [InlineData("Our hall stands empty all winter. How could more residents use it?", null)]
    [InlineData("Es nezinu, kā uzrakstīt projektu. Ko darīt?", null)]
    [InlineData("We would like to start a community garden. What do we do?", null)]
    [InlineData("Мы хотим создать общество жителей. Куда обращаться?", null)]
    [InlineData("Nobody wants to fix the road to the cemetery. What can we do?", "Nobody wants to fix the road to the cemetery.")]
    [InlineData("Dome plāno slēgt mūsu skolu. Ko mēs varam darīt?", "Dome plāno slēgt mūsu skolu.")]
    [InlineData("Kas notiek ar ceļu uz Kalsnavu? Kad salabos?", "Kas notiek ar ceļu uz Kalsnavu?")]
    [InlineData("Lampa pie skolas nedeg jau nedēļu - ko darīt?!", "Lampa pie skolas nedeg jau nedēļu")]
    [InlineData("Pie veikala nav izvests konteiners. Ko darīt", null)]
    [InlineData("The shelter roof at the bus stop leaks again. What about the doors?", null)]
    [InlineData("Pagasta skolu slēdz. Kur tagad būs darbs?", null)]
    [InlineData("The benches in the park are covered in paint again. Who cleans them?", "The benches in the park are covered in paint again.")]
    [InlineData("Во дворе третий месяц стоит брошенная машина. Кто этим занимается?", "Во дворе третий месяц стоит брошенная машина.")]
    [InlineData("Krūmus gar upi nocirta līdz saknēm. Vai tā drīkst?", "Krūmus gar upi nocirta līdz saknēm.")]
    [InlineData("The library is open only two hours a week. Why so little?", "The library is open only two hours a week.")]
    [InlineData("?", null)]
    [InlineData("??", null)]
    [InlineData("! ?", null)]
    [InlineData("The parish wants us to pay for the broken water pipe ourselves. Who do we complain to?", "The parish wants us to pay for the broken water pipe ourselves.")]
    public void A_bare_ask_after_something_told_leaves_what_was_told(string text, string? told) => Assert.Equal(told, IntentFeatures.ToldBeforeABareAsk(text));

    [Theory]
    [InlineData(" Who do I report this to?", true)]
    [InlineData(" Куда обращаться?", true)]
    [InlineData(" Kur vērsties?", true)]
    [InlineData(" kam zvanīt?", true)]
    [InlineData(" What do we do?", false)]
    [InlineData(" Ko darīt?", false)]
    [InlineData(" What is going on?", false)]
    [InlineData(" Who can tell us?", false)]
    [InlineData(" Kas mums var pateikt?", false)]
    public void An_ask_to_pass_it_on_names_telling_or_turning(string ask, bool passesOn) => Assert.Equal(passesOn, IntentFeatures.AsksToPassOn(ask));

    [Theory]
    [InlineData("Pasta nodaļu slēdza. Kā lai pensionāri saņem pensiju?")]
    [InlineData("Bērnudārza grupu slēgs, kur lai vedu meitu?")]
    public void How_are_we_to_manage_after_a_closure_asks_whom_to_tell(string text) => Assert.True(IntentFeatures.AsksWhomToTell(text));

    [Theory]
    [InlineData("Kā lai nodibina biedrību?")]
    [InlineData("Kur lai meklē partnerus projektam?")]
    public void How_are_we_to_without_a_closure_is_no_report(string text) => Assert.False(IntentFeatures.AsksWhomToTell(text));

    [Theory]
    [InlineData("Pie veikala jau divas nedēļas nav izvests atkritumu konteiners. Ko mums darīt?", Intent.Problem)]
    [InlineData("The footbridge over the ditch has rotted through, how do we get that fixed?", Intent.Problem)]
    [InlineData("Возле клуба третью неделю разбит фонарь. Кому писать?", Intent.Problem)]
    [InlineData("The gutter on the bus shelter hangs loose and drips on people's heads. Who do I report this to?", Intent.Problem)]
    [InlineData("Mums ir ideja par kopienas dārzu. Ko darīt?", Intent.Question)]
    [InlineData("We would like to start a community garden. What do we do?", Intent.Question)]
    [InlineData("Es nezinu, kā uzrakstīt projektu. Ko darīt?", Intent.Question)]
    [InlineData("Our village has a lovely lake and an old manor park. What can we do?", Intent.Question)]
    [InlineData("Наше общество жителей зарегистрировали на прошлой неделе. Что нам теперь делать?", Intent.Question)]
    public void A_problem_told_then_only_what_to_do_about_it_is_a_report_and_an_idea_told_so_is_a_question(string text, Intent expected) =>
        Assert.Equal(expected, IntentDetector.Decide(IntentDetector.Probabilities(Model.Value, Evidence.Value, text), new IntentOptions().UnsureBelow).Intent);

    [Theory]
    [InlineData("Pie pasta ietve jau nedēļu ir viens ledus, neviens nekaisa smiltis. Vai man tagad visu ziemu sēdēt mājās?", "Pie pasta ietve jau nedēļu ir viens ledus, neviens nekaisa smiltis.", "Vai man tagad visu ziemu sēdēt mājās")]
    [InlineData("The shop closed in March and the mobile shop stopped coming. Do we walk to town for bread?", "The shop closed in March and the mobile shop stopped coming.", "Do we walk to town for bread")]
    [InlineData("Мост через речку закрыли, машины ездят по полю. И долго так будет?", "Мост через речку закрыли, машины ездят по полю.", "И долго так будет")]
    [InlineData("Kā nodibināt biedrību?", null, null)]
    [InlineData("The bridge rotted. Why?", null, null)]
    [InlineData("Our hall stands empty all winter. How could more residents of all ages come and use it for their own clubs?", null, null)]
    [InlineData("We would like to start a community garden. Where do we begin?", null, null)]
    [InlineData("Our village wants to try car-sharing, none of us knows the tech. Who could we team up with?", null, null)]
    [InlineData("The bridge rotted, the road is closed", null, null)]
    [InlineData("?", null, null)]
    [InlineData("?!", null, null)]
    [InlineData("! ?", null, null)]
    public void A_short_ask_after_something_told_is_cut_from_it(string text, string? told, string? ask) =>
        Assert.Equal(told is null ? null : (told, ask!), IntentFeatures.ToldBeforeAShortAsk(text));

    [Theory]
    [InlineData("Pie pasta ietve jau nedēļu ir viens ledus, neviens nekaisa smiltis. Vai man tagad visu ziemu sēdēt mājās?", Intent.Problem)]
    [InlineData("The shop closed in March and the mobile shop stopped coming. So what are we supposed to eat?", Intent.Problem)]
    [InlineData("Мост через речку закрыли, машины ездят по полю. И долго так будет?", Intent.Problem)]
    [InlineData("No krāna jau trešo dienu tek rūsgans ūdens. Vai to vispār drīkst dzert?", Intent.Problem)]
    [InlineData("The village bus now runs only twice a week. How do I get to work now?", Intent.Problem)]
    [InlineData("Сельский магазин закрылся на прошлой неделе. Как теперь жить?", Intent.Problem)]
    [InlineData("Mūsu ciemā neviens neko nedara kopā. Kas ir sociālais kapitāls?", Intent.Question)]
    [InlineData("Uz sapulcēm neviens vairs nenāk, zāle tukša. Kā noorganizēt labu iedzīvotāju sapulci?", Intent.Question)]
    [InlineData("Nobody comes to our meetings any more. How do we run a good community meeting?", Intent.Question)]
    public void A_problem_told_then_a_short_ask_that_names_no_topic_is_a_report_but_one_that_names_a_topic_is_a_question(string text, Intent expected) =>
        Assert.Equal(expected, IntentDetector.Decide(IntentDetector.Probabilities(Model.Value, Evidence.Value, text), new IntentOptions().UnsureBelow).Intent);

    [Fact]
    public void A_why_not_that_an_article_answers_stays_a_question()
    {
        const string Text = "kāpēc viedie risinājumi Latvijā nav prioritāte?";
        var weighed = Evidence.Value.Weigh([0.5f, 0.4f, 0.1f], Text);

        Assert.True(IntentFeatures.Complains(Text));
        Assert.True(weighed[0] > weighed[1]);
    }
}
