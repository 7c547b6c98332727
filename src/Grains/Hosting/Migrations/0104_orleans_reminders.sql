-- Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2): the durable timers that wake unfinished
-- process managers (transfers, orders) on whichever silo owns their range of the ring.
--
-- One row per (service, grain, reminder). The provider sends @GrainHash (the grain id's uniform hash, as a signed
-- int) so that each silo reads only the rows of its ring range. Version is the row's etag: an upsert moves it on and
-- returns it; a delete names the version it read and removes the row only if it is still current.
-- Parameters are bound by name (@Name) by the provider.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    varchar(150) NOT NULL,
    GrainId      varchar(150) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- A silo reads the reminders of its hash range.
CREATE INDEX IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('UpsertReminderRowKey', $sql$
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = excluded.StartTime,
        Period    = excluded.Period,
        GrainHash = excluded.GrainHash,
        Version   = OrleansRemindersTable.Version + 1
RETURNING Version;
$sql$),

('ReadReminderRowsKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
$sql$),

('ReadReminderRowKey', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
$sql$),

-- A range that does not wrap around the ring: (BeginHash, EndHash].
('ReadRangeRows1Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
$sql$),

-- A range that wraps around: above BeginHash or up to EndHash.
('ReadRangeRows2Key', $sql$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$sql$),

('DeleteReminderRowKey', $sql$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer FROM deleted;
$sql$),

('DeleteReminderRowsKey', $sql$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
$sql$);
