using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using VillageBot.Cli;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.FreeText;

/// <summary>
/// <c>intent --input FILE</c>: reads JSON lines {"text", "lang"} ('-' reads standard input) and writes
/// {"text", "lang", "intent", "confidence"} lines, with the same <see cref="IntentDetector"/> the chat uses.
/// </summary>
public static class IntentCli
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Register() => CommandLine.Register("intent", args => RunAsync(args, Console.In, Console.Out, Console.Error));

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter output, TextWriter errors)
    {
        var input = CommandLine.Option(args, "--input");
        if (input is null || (input != "-" && !File.Exists(input)))
        {
            await errors.WriteLineAsync("Usage: intent --input FILE   (JSON lines {\"text\": \"…\", \"lang\": \"lv|en|ru\"}; - reads standard input)");
            return 2;
        }

        using var logging = CliConfiguration.StandardErrorLogging();
        var detector = Create(CliConfiguration.Build(args), logging);
        using var reader = input == "-" ? stdin : new StreamReader(input);
        var (number, bad) = (0, 0);
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var row = Parse(line);
            if (row?.Text is not { Length: > 0 } text || row.Lang is { } l && !Languages.IsSupported(l))
            {
                await errors.WriteLineAsync($"{input}:{number}: expected {{\"text\": \"…\", \"lang\": \"lv|en|ru\"}}");
                bad++;
                continue;
            }

            var reading = detector.Read(text);
            await output.WriteLineAsync(JsonSerializer.Serialize(new OutLine(text, row.Lang ?? ProblemLanguage.Detect(text), reading.Name, Math.Round(reading.Confidence, 4)), Json));
        }

        return bad == 0 ? 0 : 1;
    }

    internal static IntentDetector Create(IConfiguration configuration, ILoggerFactory logging) => new(
        Options.Create(configuration.Options<IntentOptions>(IntentOptions.Section)),
        Options.Create(configuration.Options<StorageOptions>(StorageOptions.Section)),
        Options.Create(configuration.Options<ContentOptions>(ContentOptions.Section)),
        TimeProvider.System,
        logging.CreateLogger<IntentDetector>());

    private static InLine? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<InLine>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record InLine([property: JsonPropertyName("text")] string? Text, [property: JsonPropertyName("lang")] string? Lang);

    private sealed record OutLine(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("lang")] string Lang,
        [property: JsonPropertyName("intent")] string Intent,
        [property: JsonPropertyName("confidence")] double Confidence);
}
