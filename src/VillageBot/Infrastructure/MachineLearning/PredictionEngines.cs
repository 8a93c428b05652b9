using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace VillageBot.Infrastructure.MachineLearning;

/// <summary>
/// Predictions from one trained ML.NET model, safe under concurrency: a <see cref="PredictionEngine{TSrc,TDst}"/> is
/// not thread-safe, so engines over the same transformer are pooled and each prediction borrows one.
/// </summary>
public sealed class PredictionEngines<TInput, TOutput>
    where TInput : class
    where TOutput : class, new()
{
    private readonly ObjectPool<PredictionEngine<TInput, TOutput>> _pool;

    public PredictionEngines(MLContext ml, ITransformer transformer, DataViewSchema inputSchema) =>
        _pool = new DefaultObjectPool<PredictionEngine<TInput, TOutput>>(new Policy(ml, transformer, inputSchema), Environment.ProcessorCount * 2);

    public TOutput Predict(TInput input) => Use(engine => engine.Predict(input));

    /// <summary>The slot names of an output column, e.g. the labels of a "Score" vector in their trained order.</summary>
    public IReadOnlyList<string> SlotNames(string column) => Use(engine =>
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[column].GetSlotNames(ref names);
        return (IReadOnlyList<string>)[.. names.DenseValues().Select(n => n.ToString())];
    });

    private T Use<T>(Func<PredictionEngine<TInput, TOutput>, T> use)
    {
        var engine = _pool.Get();
        try
        {
            return use(engine);
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    private sealed class Policy(MLContext ml, ITransformer transformer, DataViewSchema inputSchema) : PooledObjectPolicy<PredictionEngine<TInput, TOutput>>
    {
        public override PredictionEngine<TInput, TOutput> Create() => ml.Model.CreatePredictionEngine<TInput, TOutput>(transformer, inputSchema: inputSchema);

        public override bool Return(PredictionEngine<TInput, TOutput> obj) => true;
    }
}
