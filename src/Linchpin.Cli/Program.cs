using Linchpin.Cli;

return LinchpinCli.Run(args, CliEnvironment.FromProcess());
