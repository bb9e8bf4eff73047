"""The task list and the task detail: a Qt model over the store, its views, its words."""
