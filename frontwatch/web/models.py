"""The API's response and request models: the contract's records as pydantic models, for a complete OpenAPI."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from frontwatch.records import ACTOR_KINDS, CONTROL_STATUSES, MODALITIES, PLOVER_TYPES, SOURCE_KINDS

PloverType = Literal[PLOVER_TYPES]  # type: ignore[valid-type]
Modality = Literal[MODALITIES]  # type: ignore[valid-type]
ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
SourceKind = Literal[SOURCE_KINDS]  # type: ignore[valid-type]
ControlStatus = Literal[CONTROL_STATUSES]  # type: ignore[valid-type]


class ControlPlaceModel(BaseModel):
    """A place as a control record names it (contract: control record)."""

    name: str
    geonameid: int | None = None
    lat: float
    lon: float
    admin1: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")


class PlaceModel(ControlPlaceModel):
    """A gazetteer place (contract: place)."""

    feature: str | None = Field(None, description="city, admin1, admin2, country, site or region")


class StorePlaceModel(PlaceModel):
    """A place some stored event names, with the key its history is found under."""

    key: str = Field(description="geonameid, or normalised name|country for places the gazetteer lacks")


class ActorModel(BaseModel):
    name: str
    kind: ActorKind
    country: str | None = None


class AttributionModel(BaseModel):
    """Who says so."""

    source: str
    kind: SourceKind


class ControlChangeModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    holder: str
    from_: str | None = Field(None, alias="from")


class ArticleRefModel(BaseModel):
    url: str | None = None
    published: str | None = None
    title: str | None = None
    outlet: str | None = None


class EventModel(BaseModel):
    """An event read from a sentence of a report (contract: event record)."""

    event_id: str
    article: ArticleRefModel
    type: PloverType
    mode: str | None
    acled: str | None = Field(description="ACLED sub-event type")
    control: ControlChangeModel | None
    actor: ActorModel | None
    target: ActorModel | None
    place: PlaceModel | None
    date: str | None
    date_precision: str | None
    modality: Modality
    attribution: list[AttributionModel]
    quantities: dict[str, float]
    sentence: str
    span: tuple[int, int]


class SourceModel(BaseModel):
    """A report carrying an event; copies of one wire story share a story_id."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    ingested_at: str
    story_id: str | None = None


class StoredEventModel(BaseModel):
    """An event, every report carrying it, and when it was first known."""

    event: EventModel
    sources: list[SourceModel]
    independent_sources: int = Field(description="stories carrying it; syndicated copies count once")
    ingested_at: str


class EventPage(BaseModel):
    items: list[StoredEventModel]
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last")


class ControlRecordModel(BaseModel):
    """Who holds a place as of a date (contract: control record)."""

    place: ControlPlaceModel
    holder: str
    since: str | None
    status: ControlStatus
    confidence: float
    sources: int = Field(description="independent sources")
    evidence: list[str] = Field(description="event ids")
    key: str | None = Field(None, description="the place's key for /api/places/{key}/history (an extension)")


class PlaceHistoryModel(BaseModel):
    """A place's changes of holder, in date order, and the events behind them."""

    key: str
    changes: list[ControlRecordModel]
    evidence: list[StoredEventModel]


class DateRangeModel(BaseModel):
    first: str | None
    last: str | None


class MetaModel(BaseModel):
    """What the page needs to set itself up."""

    dates: DateRangeModel
    day_dates: DateRangeModel = Field(description="range of events dated to the day (the slider's range)")
    actors: list[str]
    types: list[str]
    events: int
    reports: int


class TimelineBin(BaseModel):
    date: str
    type: str
    count: int


class WatchPointModel(BaseModel):
    """A position a team watches: name + lat/lon, or a gazetteer place name in ``place``."""

    name: str
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    place: str | None = None
    hostile: list[str] = Field(min_length=1)
    thresholds_km: list[float] = Field(default=[50.0, 100.0], min_length=1)
    alert_days: float = 3.0
    window_days: int = Field(3, ge=1, le=60)


class NearestModel(ControlPlaceModel):
    """The nearest place a hostile party holds (or claims)."""


class ThresholdModel(BaseModel):
    km: float
    days: float | None = Field(description="projected days to reach it; 0 when crossed; null when not closing")
    crossed: bool


class TrendPoint(BaseModel):
    date: str
    distance_km: float | None
    place: str | None


class ApproachModel(BaseModel):
    """A hostile party's nearest held place to a watch point, its distance and how fast it is closing."""

    watch_point: str
    lat: float
    lon: float
    party: str
    as_of: str
    nearest: NearestModel | None
    status: ControlStatus | None
    since: str | None
    distance_km: float | None
    previous_km: float | None
    window_days: int
    km_per_day: float | None = Field(description="positive: closing in")
    thresholds: list[ThresholdModel]
    alert_days: float
    warning: bool
    reasons: list[str]
    trend: list[TrendPoint] = Field(default_factory=list, description="distance day by day up to as_of")


class ReportIn(BaseModel):
    """A report to ingest, in the JSONL article fields: ``text`` (or ``html``) and what is known of it."""

    text: str | None = Field(None, max_length=5 * 1024 * 1024)
    html: str | None = Field(None, max_length=5 * 1024 * 1024)
    url: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    title: str | None = None
    outlet: str | None = None


class IngestItemResult(BaseModel):
    index: int
    outcome: Literal["new", "duplicate", "new-source", "reread", "skipped"]
    events: int
    error: str | None = None


class IngestResult(BaseModel):
    reports: int
    new: int
    events: int
    skipped: int
    items: list[IngestItemResult]
