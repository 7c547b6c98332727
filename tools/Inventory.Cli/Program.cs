using Inventory.Cli;

// The operators' tool: `inventory --help` lists its commands; every command takes --help.
return await OperatorCommands.Create(OperatorContext.ForConsole()).Parse(args).InvokeAsync();
