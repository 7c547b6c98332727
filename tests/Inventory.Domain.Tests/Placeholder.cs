namespace Inventory.Domain.Tests;
