"""The cramp diary: episodes, daily check-ins, medication periods, CSV/JSON exchange."""

from crampcheck.diary.checkins import list_checkins, record_checkin
from crampcheck.diary.episodes import (
    add_episode,
    delete_episode,
    get_episode,
    latest_episode,
    list_episodes,
    update_episode,
)
from crampcheck.diary.erase import erase_everything
from crampcheck.diary.loading import load_diary_data
from crampcheck.diary.medications import list_medications, start_medication, stop_medication
from crampcheck.diary.records import CheckInRecord, EpisodeRecord

__all__ = [
    "CheckInRecord",
    "EpisodeRecord",
    "add_episode",
    "delete_episode",
    "erase_everything",
    "get_episode",
    "latest_episode",
    "list_checkins",
    "list_episodes",
    "list_medications",
    "load_diary_data",
    "record_checkin",
    "start_medication",
    "stop_medication",
    "update_episode",
]
