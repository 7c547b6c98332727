using Inventory.LoadGenerator;

// Plays scanners over HTTP against the Inventory API on 127.0.0.1; --help lists the options.
return await LoadCommand.Create().Parse(args).InvokeAsync();
