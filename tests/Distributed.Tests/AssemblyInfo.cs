// The tests start whole systems and do harm to them; one at a time keeps two cores enough and the private servers to one test.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
