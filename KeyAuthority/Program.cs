using SmsVending.KeyAuthority.Cli;

return EngineeringCli.Run(args, Console.Out, Console.Error, TimeProvider.System);
