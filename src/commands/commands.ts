/**
 * The ribbon's function file. Office loads it for ExecuteFunction buttons; each command is
 * associated here by the name the manifest uses (Office.actions.associate) once such buttons exist.
 */
void Office.onReady();
