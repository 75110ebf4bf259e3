// "Link kopiëren": copies the value of the field named in data-copy-target and says so in a status
// region. Without JavaScript the button stays hidden and the read-only field can be copied by hand.
document.querySelectorAll("[data-copy-target]").forEach((button) => {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = document.querySelector(`[data-copy-status="${button.dataset.copyTarget}"]`);
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.clipboard.writeText(field.value);
        } catch (error) {
            field.select();
            document.execCommand("copy");
        }
        if (status) status.textContent = button.dataset.copiedText;
    });
});
