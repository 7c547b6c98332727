namespace Inventory.Integration.Tests;
