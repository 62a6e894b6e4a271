return await Concierge.Server.Hosting.ServerMain.RunAsync(args).ConfigureAwait(false);
