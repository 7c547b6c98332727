using Inventory.Cli;

// The operators' tool: `inventory --help` lists its commands; every command takes --help.
return await OperatorCommands.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
