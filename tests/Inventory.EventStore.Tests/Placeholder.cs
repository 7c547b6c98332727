namespace Inventory.EventStore.Tests;
