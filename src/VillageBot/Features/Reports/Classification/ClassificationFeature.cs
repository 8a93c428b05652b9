namespace VillageBot.Features.Reports.Classification;

public static class ClassificationFeature
{
    /// <summary>The ML.NET problem classifier (<see cref="IProblemClassifier"/>), its options and its start-up training.</summary>
    public static IServiceCollection AddProblemClassifier(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRelabelSource, DbRelabelSource>();
        services.AddSingleton<ProblemClassifier>();
        services.AddSingleton<IProblemClassifier>(sp => sp.GetRequiredService<ProblemClassifier>());
        services.AddHostedService<ClassifierStartup>();
        return services;
    }
}
