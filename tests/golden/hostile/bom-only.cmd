bom-only.srt
