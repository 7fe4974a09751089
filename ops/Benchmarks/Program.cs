using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Op/s is the figure the README quotes (tokens or derivations per second on one core).
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond);
BenchmarkSwitcher.FromAssembly(typeof(SmsVending.Benchmarks.StsBenchmarks).Assembly).Run(args, config);
