using VillageBot;

if (VillageBot.Cli.CommandLine.IsCommand(args))
{
    return await VillageBot.Cli.CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddVillageBot();
var app = builder.Build();
app.MapVillageBot();
await app.RunAsync();
return 0;

public partial class Program;
