namespace Inventory.Benchmark;

/// <summary>The stock items of a read-side run: every SKU in every warehouse (keys <c>wh-NN/sku-NNNNN</c>), shuffled
/// with a fixed seed so that an item's popularity rank (its index, for <see cref="ZipfSampler"/>) says nothing about
/// its warehouse or SKU: hot items spread over the views' shards.</summary>
internal sealed record ItemSet(IReadOnlyList<string> Keys, IReadOnlyList<string> Warehouses, IReadOnlyList<string> Skus)
{
    public static ItemSet Create(int items, int warehouses)
    {
        var skuCount = Math.Max(1, items / warehouses);
        var warehouseIds = Enumerable.Range(0, warehouses).Select(w => $"wh-{w:D2}").ToArray();
        var skus = Enumerable.Range(0, skuCount).Select(s => $"sku-{s:D5}").ToArray();
        var keys = skus.SelectMany(sku => warehouseIds.Select(w => $"{w}/{sku}")).ToArray();
        new Random(7).Shuffle(keys);
        return new ItemSet(keys, warehouseIds, skus);
    }
}
