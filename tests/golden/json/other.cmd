other.json
