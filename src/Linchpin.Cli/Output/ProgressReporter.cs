using Spectre.Console;

namespace Linchpin.Cli.Output;

/// <summary>Runs long work with a progress display on standard error when it is a terminal; silently otherwise.</summary>
internal static class ProgressReporter
{
    /// <summary>Runs <paramref name="steps"/> in order, showing each as a task with a progress bar.</summary>
    public static void Run(CliEnvironment environment, IReadOnlyList<(string Description, Action Work)> steps)
    {
        if (!environment.IsTerminal)
        {
            foreach (var (_, work) in steps)
            {
                work();
            }

            return;
        }

        var console = Consoles.For(environment.Error, isTerminal: true);
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = steps.Select(s => context.AddTask(s.Description, autoStart: false, maxValue: 1)).ToList();
                for (var i = 0; i < steps.Count; i++)
                {
                    tasks[i].StartTask();
                    steps[i].Work();
                    tasks[i].Increment(1);
                    tasks[i].StopTask();
                }
            });
    }
}
