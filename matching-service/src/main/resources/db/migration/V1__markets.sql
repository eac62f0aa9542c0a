-- Markets the engine runs a book for. Prices on a market move in whole ticks of the fiat's minor unit.
create table market (
    id         text        primary key,
    asset      text        not null,
    fiat       char(3)     not null,
    fiat_scale int         not null check (fiat_scale between 0 and 4),
    tick_minor bigint      not null check (tick_minor > 0),
    opened_by  text        not null,
    opened_at  timestamptz not null,
    unique (asset, fiat)
);
