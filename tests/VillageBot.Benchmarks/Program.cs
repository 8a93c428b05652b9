using VillageBot.Benchmarks;

// dotnet run -c Release --project tests/VillageBot.Benchmarks -- --out FILE [--only NAME[,NAME]] [--split test|dev]
if (args is ["echo-bot", var url, var mode and ("serial" or "concurrent")])
{
    return await EchoBot.RunAsync(url, mode == "concurrent");
}

// The fake Bot API and hundreds of simulated residents share this process's thread pool: it starts with enough
// threads that the harness answers the bot at once instead of adding a thread a second.
ThreadPool.GetMinThreads(out var workers, out var completions);
ThreadPool.SetMinThreads(Math.Max(workers, 64), completions);

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("Usage: VillageBot.Benchmarks [--out FILE] [--only NAME[,NAME…]] [--split test|dev]\nSections: " + string.Join(", ", Sections.All.Select(s => s.Name)));
    return 2;
}

return await BenchmarkRunner.RunAsync(options);
